import { useEffect, useState } from 'react'
import { useSearchParams } from 'wouter'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { PROVIDERS, type CatalogProvider, type SearchSort } from '@/lib/types'

export const SEARCH_DEBOUNCE_MS = 400
/** Block B's part of the address: the hub, the search text and the page (a reload shows the same results). */
export const HUB_PARAMS = { provider: 'hub', q: 'hub_q', page: 'hub_page' } as const
/** Hugging Face pages by cursor; deeper than this without one the service says page_too_deep. */
const MAX_LINK_PAGE = 100

function readHubParams(params: URLSearchParams) {
  const provider = PROVIDERS.find((p) => p === params.get(HUB_PARAMS.provider)) ?? PROVIDERS[0]
  const q = (params.get(HUB_PARAMS.q) ?? '').slice(0, 200)
  const page = Number(params.get(HUB_PARAMS.page))
  return { provider, q, page: Number.isInteger(page) && page >= 1 && page <= MAX_LINK_PAGE ? page : 1 }
}

interface Paging {
  page: number
  /** next_cursor values seen, by the page they lead to (Hugging Face pages by cursor only). */
  cursors: Record<number, string>
}
const FIRST: Paging = { page: 1, cursors: {} }

/**
 * What block B searches for: hub, text (debounced), task, order and page with its cursors. Any change of what is
 * searched starts again at page 1 with no cursors; the hub, the text and the page live in the address (replaced, so
 * Back is not one step per keystroke or page).
 */
export function useSearchState() {
  const [params, setParams] = useSearchParams()
  const [initial] = useState(() => readHubParams(params))
  const [provider, setProviderState] = useState<CatalogProvider>(initial.provider)
  const [text, setText] = useState(initial.q)
  const [task, setTaskState] = useState('')
  const [sort, setSortState] = useState<SearchSort>('downloads')
  const [paging, setPaging] = useState<Paging>({ page: initial.page, cursors: {} })
  const typed = useDebouncedValue(text, SEARCH_DEBOUNCE_MS).trim()
  const [q, setQ] = useState(typed)

  // the debounced text is a new search once it settles (not on the first render: a reload keeps its page)
  useEffect(() => {
    if (typed === q) return
    setQ(typed)
    setPaging(FIRST)
  }, [typed, q])

  useEffect(() => {
    const next = new URLSearchParams(params)
    const put = (key: string, value: string | number, skip: string | number) => (value === skip ? next.delete(key) : next.set(key, String(value)))
    put(HUB_PARAMS.provider, provider, PROVIDERS[0])
    put(HUB_PARAMS.q, q, '')
    put(HUB_PARAMS.page, paging.page, 1)
    if (next.toString() !== params.toString()) setParams(next, { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- written when these change, from the address as it is then
  }, [provider, q, paging.page])

  return {
    provider,
    text,
    q,
    task,
    sort,
    page: paging.page,
    cursor: paging.cursors[paging.page],
    setText,
    setProvider(next: CatalogProvider) {
      setProviderState(next)
      // ModelScope has no trending order
      if (next === 'modelscope' && sort === 'trending') setSortState('downloads')
      setPaging(FIRST)
    },
    setTask(next: string) {
      setTaskState(next)
      setPaging(FIRST)
    },
    setSort(next: SearchSort) {
      setSortState(next)
      setPaging(FIRST)
    },
    /** Goes to `page`; `nextCursor` is the current page's next_cursor when `page` is the one after it. */
    goTo(page: number, nextCursor?: string | null) {
      setPaging((p) => ({ page, cursors: nextCursor && page === p.page + 1 ? { ...p.cursors, [page]: nextCursor } : p.cursors }))
    },
  }
}
