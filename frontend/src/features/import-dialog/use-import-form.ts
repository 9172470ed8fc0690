import { useState } from 'react'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { EngineType, ImportRequest, SearchItem } from '@/lib/types'
import { useFitOverride } from './fit-override'
import { uidFromModelId, validateUid } from './uid'
import { usePreflight, useUidCheck } from './use-import'

export const PREFLIGHT_DEBOUNCE_MS = 400
export const FIELDS = ['model_uid', 'engine_type', 'replicas', 'auto_start'] as const
export type Field = (typeof FIELDS)[number]

/**
 * The import dialog's state: the choices, what the service says about them (pre-flight, uid check) and whether they
 * can be submitted. Engines and the replica limit are what this installation accepts: the contract leaves them to its
 * configuration, and /capabilities says them; the pre-flight waits for its answer (should it fail, the service's
 * default engine, its first, applies).
 */
export function useImportForm(item: SearchItem) {
  const capabilities = useCapabilities()
  const caps = capabilities.data?.imports
  const capsSettled = !capabilities.isLoading
  const engines: EngineType[] = caps?.engine_types ?? []
  const maxReplicas = caps?.max_replicas ?? null
  const [uidInput, setUidInput] = useState<string | null>(null)
  const [chosenEngine, setEngine] = useState<EngineType | null>(null)
  const engine: EngineType | undefined = chosenEngine ?? engines[0]
  const [replicas, setReplicas] = useState(1)
  const [autoStart, setAutoStart] = useState(true)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({})
  // the operator's own GPU memory and tensor-parallel size instead of the fit's estimate
  const fitOverride = useFitOverride()

  const base: Pick<ImportRequest, 'provider' | 'model_id'> = { provider: item.provider, model_id: item.id }
  const uidProblem = uidInput == null ? null : validateUid(uidInput)
  const replicasOk = Number.isInteger(replicas) && replicas >= 1 && (maxReplicas == null || replicas <= maxReplicas)
  // The first check runs without a uid (the service suggests one); after an edit, with the typed uid.
  const checkBody = JSON.stringify({
    ...base,
    ...(uidInput != null ? { model_uid: uidInput } : {}),
    ...(engine ? { engine_type: engine } : {}),
    replicas: replicasOk ? replicas : 1,
    auto_start: autoStart,
    ...fitOverride.request,
  })
  const debouncedBody = useDebouncedValue(checkBody, PREFLIGHT_DEBOUNCE_MS)
  const checked = JSON.parse(debouncedBody) as ImportRequest
  // no pre-flight of an engine the installation's answer is about to replace
  const preflight = usePreflight(checked, uidProblem == null && capsSettled && checked.engine_type === engine)
  const pf = preflight.data
  const uid = uidInput ?? pf?.suggested_uid ?? uidFromModelId(item.id)

  // a typed uid is checked while typing (a suggested one is free by construction)
  const typedUid = useDebouncedValue(uidInput, PREFLIGHT_DEBOUNCE_MS)
  const uidCheck = useUidCheck(typedUid != null && validateUid(typedUid) == null ? typedUid : null)
  const uidTaken = uidCheck.data != null && uidCheck.data.model_uid === uidInput && !uidCheck.data.available ? uidCheck.data : null
  const uidChecking = uidInput != null && uidProblem == null && (typedUid !== uidInput || uidCheck.isFetching)

  const checking = preflight.isFetching || debouncedBody !== checkBody
  const blocking = pf?.blocking ?? []
  const ready =
    uidProblem == null && uidTaken == null && !uidChecking && replicasOk && fitOverride.problems.length === 0 && !checking && pf != null && blocking.length === 0

  return {
    base,
    engines,
    maxReplicas,
    uid,
    uidInput,
    setUid(value: string) {
      setUidInput(value)
      setFieldErrors(({ model_uid: _, ...rest }) => rest)
    },
    uidProblem,
    uidTaken,
    uidChecking,
    uidFree: uidInput != null && !uidChecking && uidCheck.data?.available === true && uidCheck.data.model_uid === uidInput,
    engine,
    setEngine,
    replicas,
    setReplicas,
    replicasOk,
    autoStart,
    setAutoStart,
    fitOverride,
    fieldErrors,
    setFieldErrors,
    preflight,
    pf,
    checking,
    ready,
  }
}

export type ImportForm = ReturnType<typeof useImportForm>
