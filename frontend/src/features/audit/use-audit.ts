import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import type { AuditQuery } from '@/lib/types'

/** One page of the audit trail; the previous page stays on screen while the next one loads. */
export function useAudit(query: AuditQuery) {
  return useQuery({
    queryKey: catalogKeys.audit(query),
    queryFn: ({ signal }) => catalog.audit(query, signal),
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  })
}
