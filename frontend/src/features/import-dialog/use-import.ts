import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query'
import { catalogKeys } from '@/lib/query-keys'
import { retryHubCall } from '@/features/hub-search/use-hub-search'
import { importApi } from './api'
import type { ImportRequest } from './types'

export const importKeys = {
  preflight: (body: ImportRequest) => [...catalogKeys.all, 'import', 'preflight', body] as const,
}

/** The pre-flight check for the dialog's current choices (previous answer stays while the next one loads). */
export function usePreflight(body: ImportRequest, enabled: boolean) {
  return useQuery({
    queryKey: importKeys.preflight(body),
    queryFn: ({ signal }) => importApi.preflight(body, signal),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 10_000,
    retry: retryHubCall,
  })
}

/** Starts the import with the dialog's Idempotency-Key (the same key for every retry within one dialog). */
export function useStartImport(idempotencyKey: string) {
  return useMutation({
    mutationFn: (body: ImportRequest) => importApi.start(body, idempotencyKey),
  })
}
