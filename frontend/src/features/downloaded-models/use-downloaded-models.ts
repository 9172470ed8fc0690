import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import type { DownloadedModelsQuery, ModelAction } from '@/lib/types'

export const REFRESH_MS = 10_000

/**
 * Block A's list. Refetches every 10 s while the tab is visible (TanStack pauses interval refetches in the
 * background); no focus/mount refetch on top, so each refresh is exactly one request.
 */
export function useDownloadedModels(query: DownloadedModelsQuery) {
  return useQuery({
    queryKey: catalogKeys.modelList(query),
    queryFn: ({ signal }) => catalog.models(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    staleTime: REFRESH_MS,
  })
}

export function useModelDetail(uid: string | null) {
  return useQuery({
    queryKey: catalogKeys.model(uid ?? ''),
    queryFn: ({ signal }) => catalog.model(uid!, signal),
    enabled: uid != null,
  })
}

export function useDeleteImpact(uid: string | null) {
  return useQuery({
    queryKey: catalogKeys.deleteImpact(uid ?? ''),
    queryFn: ({ signal }) => catalog.deleteImpact(uid!, signal),
    enabled: uid != null,
    staleTime: 0,
  })
}

export function useDeleteModel() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: (uid: string) => catalog.deleteModel(uid),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogKeys.models() }),
  })
}

/** A lifecycle action through the catalog (audited): start or retry is Nebula's start, stop and cancel its stop. */
export function useLifecycle() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ uid, action }: { uid: string; action: ModelAction }) =>
      action === 'start' || action === 'retry' ? catalog.startModel(uid) : catalog.stopModel(uid),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKeys.models() }),
  })
}
