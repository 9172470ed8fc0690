/**
 * Where the top bar's "Models" link points: Nebula's own Models page, which this page sits beside.
 * Set at build time with `VITE_NEBULA_MODELS_URL`; a value the service reports at run time wins
 * (the capabilities contract has no such field yet, so callers pass undefined for now).
 */
export const DEFAULT_MODELS_URL = '/models'

export function resolveModelsUrl(runtimeValue?: string | null): string {
  const fromRuntime = runtimeValue?.trim()
  if (fromRuntime) return fromRuntime
  const fromBuild = import.meta.env.VITE_NEBULA_MODELS_URL?.trim()
  return fromBuild || DEFAULT_MODELS_URL
}
