import { useQuery } from '@tanstack/react-query'
import { useSession } from '@/features/auth/use-session'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import type { Capabilities, PublicCapabilities } from '@/lib/types'

function isFull(caps: Capabilities | PublicCapabilities): caps is Capabilities {
  return 'database' in caps
}

/** What the service reports about itself to a signed-in user: version, database, Nebula and the model hubs. */
export function useCapabilities() {
  const signedIn = useSession() != null
  return useQuery({
    queryKey: catalogKeys.capabilities('full'),
    queryFn: async ({ signal }) => {
      const caps = await catalog.capabilities(signal)
      // a token that ended between the check and the call gets the public part: nothing to show as status
      if (!isFull(caps)) throw new Error('capabilities without a session')
      return caps
    },
    enabled: signedIn,
    staleTime: 30_000,
  })
}

/** The public part, for the sign-in page: whether the simulator's demo accounts apply. */
export function usePublicCapabilities() {
  return useQuery({
    queryKey: catalogKeys.capabilities('public'),
    queryFn: ({ signal }) => catalog.capabilities(signal),
    staleTime: 30_000,
  })
}

/**
 * Nebula's own web UI (CATALOG_NEBULA_UI_URL), or null when it is not configured: then the page offers no link to it
 * (a link to a page that is not there is worse than none). Signed in it comes with the full status, else with the
 * public part the sign-in page reads anyway: no request of its own.
 */
export function useNebulaUiUrl(): string | null {
  const signedIn = useSession() != null
  const full = useCapabilities()
  const open = useQuery({
    queryKey: catalogKeys.capabilities('public'),
    queryFn: ({ signal }) => catalog.capabilities(signal),
    staleTime: 30_000,
    enabled: !signedIn,
  })
  return (signedIn ? full.data?.nebula.ui_url : open.data?.nebula.ui_url) ?? null
}

/** Nebula's Models page, beside which this page sits. */
export const nebulaModelsUrl = (ui: string) => `${ui}/models`
