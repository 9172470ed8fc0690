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
