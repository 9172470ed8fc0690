import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { ApiError, catalog } from '@/lib/api'
import { shouldRetry } from '@/lib/query-client'
import { catalogKeys } from '@/lib/query-keys'
import type { CatalogProvider, SearchParams } from '@/lib/types'

/** Never hammer a rate-limited hub: no automatic retry for hub_rate_limited; otherwise the page's policy. */
export function retryHubCall(failureCount: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.code === 'hub_rate_limited' || error.code === 'too_many_requests')) return false
  return shouldRetry(failureCount, error)
}

/**
 * One page of a hub search. The AbortSignal goes to fetch, so when the parameters change (typing, paging) the
 * stale request is cancelled by TanStack Query; the previous page stays on screen while the next one loads.
 */
export function useHubSearch(params: SearchParams, enabled = true) {
  return useQuery({
    queryKey: catalogKeys.search(params),
    queryFn: ({ signal }) => catalog.search(params, signal),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
    retry: retryHubCall,
    enabled,
  })
}

export function useHubMetadata(provider: CatalogProvider, id: string | null) {
  return useQuery({
    queryKey: catalogKeys.metadata(provider, id ?? ''),
    queryFn: ({ signal }) => catalog.metadata(provider, id!, signal),
    enabled: id != null,
    staleTime: 10 * 60_000,
    retry: retryHubCall,
  })
}
