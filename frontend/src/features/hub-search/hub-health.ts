import { isRefusal } from '@/lib/error-text'
import type { Capabilities, CatalogProvider, HubCapability } from '@/lib/types'

export type HubProblem = 'disabled' | 'circuit_open' | 'unreachable' | 'refused'

/**
 * Why a hub cannot be searched now (null when it can): disabled, calls paused after failures, unreachable (the
 * service probes the hubs in the background, so an offline hub reads so before anyone searches it), or refused: it
 * answered, with a rate limit or a rejected token, which a mirror would not cure.
 */
export function hubProblem(hub: HubCapability): HubProblem | null {
  if (!hub.enabled) return 'disabled'
  if (hub.circuit === 'open') return 'circuit_open'
  if (hub.reachable === false) return isRefusal(hub.last_failure_reason) ? 'refused' : 'unreachable'
  return null
}

export interface HubAvailability {
  /** Hubs that can be searched, in the order the service lists them. */
  usable: CatalogProvider[]
  /** Every configured hub with its problem (null = fine). */
  hubs: { provider: CatalogProvider; problem: HubProblem | null; reason: string | null; variable: string }[]
}

/** Undefined while the capabilities are unknown (then nothing is hidden). */
export function hubAvailability(caps: Capabilities | undefined): HubAvailability | undefined {
  if (!caps) return undefined
  const hubs = caps.hubs.map((hub) => ({
    provider: hub.provider,
    problem: hubProblem(hub),
    reason: hub.last_failure_reason ?? null,
    variable: hub.endpoint_variable,
  }))
  return { usable: hubs.filter((h) => h.problem === null).map((h) => h.provider), hubs }
}
