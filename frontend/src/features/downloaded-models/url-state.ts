import { DOWNLOADED_MODEL_STATES, MODEL_SORTS, MODEL_SOURCES, type DownloadedModelState, type DownloadedModelsQuery, type ModelSort, type ModelSourceName, type SortOrder } from '@/lib/types'

export type { ModelSort, SortOrder }

/**
 * The order a first click on a column asks for (typed by the generated schema: a sort the API adds or drops fails
 * the type check here).
 */
export const FIRST_ORDER: Record<ModelSort, SortOrder> = { name: 'asc', size: 'desc', last_used: 'desc', state: 'asc', last_seen_running: 'desc' }
/**
 * The sorts the page offers, in the API's order. `last_used` is Nebula's last cache scan, the same minute on every row,
 * so the page sorts by when this catalog last saw a model running instead; an address asking for it still works.
 */
export const SORTS = MODEL_SORTS.filter((s) => s !== 'last_used')
export const STATES = DOWNLOADED_MODEL_STATES
export const SOURCES = MODEL_SOURCES

export const MODELS_PAGE_SIZE = 20
/** Rows per page on offer (the API takes 1–100). */
export const PAGE_SIZES = [10, 20, 50, 100] as const
/** Where focus goes after an import: block A's notice naming the new model (block B's dialog closes onto it). */
export const HIGHLIGHT_NOTICE_ID = 'models-highlight-notice'
const MAX_PAGE = 100_000
const DEFAULT_SORT: ModelSort = 'name'

/** Block A's part of the address: filters, sort and page, so a reload or a shared link shows the same list. */
export const MODEL_PARAMS = { q: 'q', state: 'state', source: 'source', sort: 'sort', order: 'order', page: 'page', limit: 'limit' } as const

const oneOf = <T extends string>(allowed: readonly T[], value: string | null): T | undefined =>
  value != null && (allowed as readonly string[]).includes(value) ? (value as T) : undefined

/** Block A's list query from the address; anything unknown or out of range falls back to the default. */
export function readModelsQuery(params: URLSearchParams): DownloadedModelsQuery {
  const sort = oneOf(MODEL_SORTS, params.get(MODEL_PARAMS.sort)) ?? DEFAULT_SORT
  const order = oneOf<SortOrder>(['asc', 'desc'], params.get(MODEL_PARAMS.order)) ?? 'asc'
  const page = Number(params.get(MODEL_PARAMS.page))
  const limit = Number(params.get(MODEL_PARAMS.limit))
  const q = params.get(MODEL_PARAMS.q)?.trim().slice(0, 200) || undefined
  return {
    page: Number.isInteger(page) && page >= 1 && page <= MAX_PAGE ? page : 1,
    limit: (PAGE_SIZES as readonly number[]).includes(limit) ? limit : MODELS_PAGE_SIZE,
    sort,
    order,
    ...(q ? { q } : {}),
    ...(oneOf(STATES, params.get(MODEL_PARAMS.state)) ? { state: params.get(MODEL_PARAMS.state) as DownloadedModelState } : {}),
    ...(oneOf(SOURCES, params.get(MODEL_PARAMS.source)) ? { source: params.get(MODEL_PARAMS.source) as ModelSourceName } : {}),
  }
}

/**
 * `prev` with block A's parameters replaced by `query` (defaults left out, other blocks' parameters kept).
 * `omitQ`: the text filter is not written (it only mirrors `?highlight=`, which already says it).
 */
export function writeModelsQuery(prev: URLSearchParams, query: DownloadedModelsQuery, omitQ = false): URLSearchParams {
  const next = new URLSearchParams(prev)
  const put = (key: string, value: string | number | undefined, skip?: string | number) => {
    if (value == null || value === '' || value === skip) next.delete(key)
    else next.set(key, String(value))
  }
  put(MODEL_PARAMS.q, omitQ ? undefined : query.q)
  put(MODEL_PARAMS.state, query.state)
  put(MODEL_PARAMS.source, query.source)
  put(MODEL_PARAMS.sort, query.sort, DEFAULT_SORT)
  put(MODEL_PARAMS.order, query.order, 'asc')
  put(MODEL_PARAMS.page, query.page, 1)
  put(MODEL_PARAMS.limit, query.limit, MODELS_PAGE_SIZE)
  return next
}
