import type { Capabilities, HubCapability } from '@/lib/types'
import type { Provider } from './types'

export type HubProblem = 'disabled' | 'circuit_open' | 'failing'

/** Why a hub cannot be searched now (null when it can): disabled, calls paused, or the last call failed. */
export function hubProblem(hub: HubCapability): HubProblem | null {
  if (!hub.enabled) return 'disabled'
  if (hub.circuit === 'open') return 'circuit_open'
  if (hub.last_failure_at) {
    const failed = Date.parse(hub.last_failure_at)
    const succeeded = hub.last_success_at ? Date.parse(hub.last_success_at) : Number.NEGATIVE_INFINITY
    if (failed > succeeded) return 'failing'
  }
  return null
}

export interface HubAvailability {
  /** Hubs that can be searched, in the order the service lists them. */
  usable: Provider[]
  /** Every configured hub with its problem (null = fine). */
  hubs: { provider: Provider; problem: HubProblem | null; reason: string | null }[]
}

/** Undefined while the capabilities are unknown (then nothing is hidden). */
export function hubAvailability(caps: Capabilities | undefined): HubAvailability | undefined {
  if (!caps) return undefined
  const hubs = caps.hubs.map((hub) => ({
    provider: hub.provider,
    problem: hubProblem(hub),
    reason: hub.last_failure_reason ?? null,
  }))
  return { usable: hubs.filter((h) => h.problem === null).map((h) => h.provider), hubs }
}
