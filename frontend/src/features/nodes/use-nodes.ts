import { keepPreviousData, useQuery } from '@tanstack/react-query'
import { REFRESH_MS } from '@/features/downloaded-models/use-downloaded-models'
import { catalog } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import { COPY_SORTS, type CopySort, type NodesQuery, type SortOrder } from '@/lib/types'

/**
 * The nodes view's data, refreshed every 10 s while the view is shown (and the tab visible): one request per refresh,
 * served from the same snapshot as block A, which is not mounted meanwhile.
 */
export function useNodes(query: NodesQuery) {
  return useQuery({
    queryKey: catalogKeys.nodes(query),
    queryFn: ({ signal }) => catalog.nodes(query, signal),
    placeholderData: keepPreviousData,
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
    refetchOnWindowFocus: false,
    staleTime: REFRESH_MS,
  })
}

/** The nodes view's part of the address: how copies are sorted, and whether only safe ones are shown. */
export const NODE_PARAMS = { sort: 'copy_sort', order: 'copy_order', safe: 'safe_only' } as const
/** Last used, oldest first (never seen serving first): the answer to "what can go?". */
const DEFAULT: Required<NodesQuery> = { sort: 'last_used', order: 'asc' }
/** What a first press on a column asks for. */
export const FIRST_COPY_ORDER: Record<CopySort, SortOrder> = { last_used: 'asc', size: 'desc', name: 'asc' }

export interface NodesView {
  query: Required<NodesQuery>
  safeOnly: boolean
}

export function readNodesView(params: URLSearchParams): NodesView {
  const sort = params.get(NODE_PARAMS.sort)
  const order = params.get(NODE_PARAMS.order)
  return {
    query: {
      sort: (COPY_SORTS as readonly string[]).includes(sort ?? '') ? (sort as CopySort) : DEFAULT.sort,
      order: order === 'asc' || order === 'desc' ? order : DEFAULT.order,
    },
    safeOnly: params.get(NODE_PARAMS.safe) === '1',
  }
}

/** `prev` with the nodes view's parameters replaced (defaults left out, everything else kept). */
export function writeNodesView(prev: URLSearchParams, view: NodesView): URLSearchParams {
  const next = new URLSearchParams(prev)
  const put = (key: string, value: string | null) => (value == null ? next.delete(key) : next.set(key, value))
  put(NODE_PARAMS.sort, view.query.sort === DEFAULT.sort ? null : view.query.sort)
  put(NODE_PARAMS.order, view.query.order === DEFAULT.order ? null : view.query.order)
  put(NODE_PARAMS.safe, view.safeOnly ? '1' : null)
  return next
}
