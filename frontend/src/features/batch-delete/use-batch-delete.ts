import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'

/** The combined impact of deleting these models, and the phrase that confirms it (always asked afresh). */
export function useDeletionImpact(uids: string[]) {
  return useQuery({
    queryKey: catalogKeys.deletionImpact(uids),
    queryFn: ({ signal }) => catalog.deletionImpact(uids, signal),
    staleTime: 0,
  })
}

/** Deletes the models with the typed confirmation; block A and the nodes view refresh afterwards. */
export function useDeleteModels() {
  const queryClient = useQueryClient()
  return useMutation({
    mutationFn: ({ uids, confirmation }: { uids: string[]; confirmation: string }) => catalog.deleteModels(uids, confirmation),
    onSettled: () => queryClient.invalidateQueries({ queryKey: catalogKeys.models() }),
  })
}
