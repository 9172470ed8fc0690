import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { retryHubCall } from '@/features/hub-search/use-hub-search'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import type { BatchImportItem, ImportRequest } from '@/lib/types'

/** The pre-flight check for the dialog's current choices (previous answer stays while the next one loads). */
export function usePreflight(body: ImportRequest, enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.preflight(body),
    queryFn: ({ signal }) => catalog.preflight(body, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: retryHubCall,
  })
}

/** Whether a typed uid is free, while the operator types it (no hub call; Nebula's model list and open imports). */
export function useUidCheck(uid: string | null) {
  return useQuery({
    queryKey: catalogKeys.uidCheck(uid ?? ''),
    queryFn: ({ signal }) => catalog.uidCheck(uid!, signal),
    enabled: uid != null,
    staleTime: 5_000,
  })
}

/** Starts the import with the dialog's Idempotency-Key (the same key for every retry within one dialog). */
export function useStartImport(idempotencyKey: string) {
  return useMutation({
    mutationFn: (body: ImportRequest) => catalog.startImport(body, idempotencyKey),
  })
}

/** The pre-flights of a batch, against one read of the cluster (previous answer stays while the next one loads). */
export function usePreflightBatch(items: ImportRequest[], enabled: boolean) {
  return useQuery({
    queryKey: catalogKeys.preflightBatch(items),
    queryFn: ({ signal }) => catalog.preflightBatch(items, signal),
    enabled: enabled && items.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: retryHubCall,
  })
}

/** Starts a batch: each item with its own idempotency key, so a retry starts nothing twice. */
export function useStartImports() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (items: BatchImportItem[]) => catalog.startImports(items),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.all }),
  })
}
