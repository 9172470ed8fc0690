import { useQuery } from '@tanstack/react-query'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'

/** What the service reports about itself: version, database, Nebula and the model hubs. */
export function useCapabilities() {
  return useQuery({
    queryKey: catalogKeys.capabilities(),
    queryFn: ({ signal }) => catalog.capabilities(signal),
    staleTime: 30_000,
  })
}
