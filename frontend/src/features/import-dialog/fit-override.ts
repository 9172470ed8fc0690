import { useState } from 'react'
import type { ImportRequest } from '@/lib/types'

/** The contract's bounds of what the operator may send instead of the estimate. */
export const VRAM_MAX_MB = 16_777_216
export const TP_MAX = 64

export type OverrideProblem = 'vram' | 'tp'

export type OverrideValues = { vram: string; tp: string } | null

/**
 * The operator's own `required_vram_mb` and `tensor_parallel_size` in place of the fit's estimate, over a state kept
 * elsewhere (one per dialog, or one per item of a batch): off until asked for, then prefilled with what the estimate
 * would send. Only valid whole numbers go into the request; `problems` names the fields that are not.
 */
export function fitOverrideOf(values: OverrideValues, setValues: (next: (prev: OverrideValues) => OverrideValues) => void) {
  const parse = (text: string, max: number) => {
    const n = Number(text)
    return text.trim() !== '' && Number.isInteger(n) && n >= 1 && n <= max ? n : null
  }
  const vram = values ? parse(values.vram, VRAM_MAX_MB) : null
  const tp = values ? parse(values.tp, TP_MAX) : null
  const problems: OverrideProblem[] = values ? [...(vram == null ? ['vram' as const] : []), ...(tp == null ? ['tp' as const] : [])] : []
  const request: Pick<ImportRequest, 'required_vram_mb' | 'tensor_parallel_size'> = values
    ? { ...(vram != null ? { required_vram_mb: vram } : {}), ...(tp != null ? { tensor_parallel_size: tp } : {}) }
    : {}
  return {
    active: values != null,
    values,
    problems,
    request,
    /** Starts overriding from what the estimate sends now. */
    start(config: { required_vram_mb: number | null; tensor_parallel_size: number | null }) {
      setValues(() => ({ vram: config.required_vram_mb != null ? String(config.required_vram_mb) : '', tp: String(config.tensor_parallel_size ?? 1) }))
    },
    set(patch: Partial<{ vram: string; tp: string }>) {
      setValues((v) => (v ? { ...v, ...patch } : v))
    },
    /** Back to the estimate. */
    reset() {
      setValues(() => null)
    },
  }
}

/** {@link fitOverrideOf} with its own state (the single import dialog). */
export function useFitOverride() {
  const [values, setValues] = useState<OverrideValues>(null)
  return fitOverrideOf(values, setValues)
}

export type FitOverride = ReturnType<typeof fitOverrideOf>
