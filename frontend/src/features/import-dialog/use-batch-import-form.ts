import { useState } from 'react'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { BatchImportItem, BatchPreflightItem, EngineType, ImportRequest, SearchItem } from '@/lib/types'
import { fitOverrideOf, type FitOverride, type OverrideValues } from './fit-override'
import { uidFromModelId, validateUid, type UidProblem } from './uid'
import { usePreflightBatch } from './use-import'
import { PREFLIGHT_DEBOUNCE_MS } from './use-import-form'

/** One model of the batch as the dialog sees it: its uid, its pre-flight (or why that failed) and its fit override. */
export interface BatchEntry {
  item: SearchItem
  uid: string
  uidProblem: UidProblem | 'duplicate' | null
  /** The model's own answer from the last batch pre-flight (null until there is one). */
  check: BatchPreflightItem | null
  override: FitOverride
  setUid: (uid: string) => void
  /** Nothing stops this one from being submitted. */
  ok: boolean
}

/**
 * The batch import dialog's state: engine, replicas and auto start for every model, and per model its uid, its fit
 * override and its pre-flight from one batch pre-flight (re-asked 400 ms after an edit). Each model keeps one
 * idempotency key for the dialog's lifetime, so a repeated submission starts nothing twice.
 */
export function useBatchImportForm(items: SearchItem[]) {
  const capabilities = useCapabilities()
  const caps = capabilities.data?.imports
  const capsSettled = !capabilities.isLoading
  // what this installation accepts: the contract leaves engines and the replica limit to its configuration
  const engines: EngineType[] = caps?.engine_types ?? []
  const maxReplicas = caps?.max_replicas ?? null
  const [chosenEngine, setEngine] = useState<EngineType | null>(null)
  const engine: EngineType | undefined = chosenEngine ?? engines[0]
  const [replicas, setReplicas] = useState(1)
  const [autoStart, setAutoStart] = useState(true)
  const [uids, setUids] = useState<Record<string, string>>({})
  const [overrides, setOverrides] = useState<Record<string, OverrideValues>>({})
  const [keys] = useState(() => new Map<string, string>())
  const keyOf = (id: string) => {
    if (!keys.has(id)) keys.set(id, globalThis.crypto.randomUUID())
    return keys.get(id)!
  }
  const replicasOk = Number.isInteger(replicas) && replicas >= 1 && (maxReplicas == null || replicas <= maxReplicas)

  const overrideOf = (id: string) =>
    fitOverrideOf(overrides[id] ?? null, (next) => setOverrides((all) => ({ ...all, [id]: next(all[id] ?? null) })))
  const requests: ImportRequest[] = items.map((item) => ({
    provider: item.provider,
    model_id: item.id,
    ...(uids[item.id] != null ? { model_uid: uids[item.id] } : {}),
    ...(engine ? { engine_type: engine } : {}),
    replicas: replicasOk ? replicas : 1,
    auto_start: autoStart,
    ...overrideOf(item.id).request,
  }))
  const local = items.map((item) => (uids[item.id] != null ? validateUid(uids[item.id]) : null))
  const body = JSON.stringify(requests)
  const debounced = useDebouncedValue(body, PREFLIGHT_DEBOUNCE_MS)
  // a uid that cannot be valid is not sent to the pre-flight (it would refuse the whole batch), nor an engine the
  // installation's answer is about to replace
  const checked = JSON.parse(debounced) as ImportRequest[]
  const preflight = usePreflightBatch(checked, local.every((p) => p == null) && capsSettled && checked.every((r) => r.engine_type === engine))
  const checking = preflight.isFetching || debounced !== body
  const answers = new Map((preflight.data?.items ?? []).map((a) => [a.model_id, a]))

  const resolved = items.map((item) => uids[item.id] ?? answers.get(item.id)?.preflight?.suggested_uid ?? uidFromModelId(item.id))
  const entries: BatchEntry[] = items.map((item, i) => {
    const check = answers.get(item.id) ?? null
    const override = overrideOf(item.id)
    const uidProblem = local[i] ?? (resolved.indexOf(resolved[i]) !== i || resolved.lastIndexOf(resolved[i]) !== i ? 'duplicate' : null)
    const ok = uidProblem == null && override.problems.length === 0 && check?.preflight != null && check.preflight.blocking.length === 0
    return { item, uid: resolved[i], uidProblem, check, override, ok, setUid: (uid: string) => setUids((all) => ({ ...all, [item.id]: uid })) }
  })

  return {
    engines,
    engine,
    setEngine,
    replicas,
    setReplicas,
    replicasOk,
    maxReplicas,
    autoStart,
    setAutoStart,
    entries,
    preflight,
    checking,
    ready: items.length > 0 && replicasOk && !checking && entries.every((e) => e.ok),
    /** What the batch import sends: each model pinned at the revision its pre-flight showed, with its own key. */
    submission(): BatchImportItem[] {
      return entries.map((e, i) => ({
        ...requests[i],
        model_uid: e.uid,
        ...(e.check?.preflight?.revision ? { revision: e.check.preflight.revision } : {}),
        idempotency_key: keyOf(e.item.id),
      }))
    },
  }
}

export type BatchImportForm = ReturnType<typeof useBatchImportForm>
