import { act, fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { jsonResponse, renderApp, sampleUsers, stubFetch } from '@/test/render-app'
import type { Capabilities } from '@/lib/types'
import { formatParameters } from '@/lib/format'
import { hubProblem } from './hub-health'
import { pageWindow } from '@/components/ui/pager'
import { bothHubsUp, makeItem, makeMetadata, makePage } from './test-data'
import type { ModelMetadata, Role, SearchPage } from '@/lib/types'

interface Backend {
  caps?: Capabilities
  /** Who is signed in (the route needs a user); also what `/auth/me` answers. */
  role?: Role
  search?: (url: URL, request: Request) => Response | Promise<Response>
  metadata?: ModelMetadata
}

/** The role the next `renderApp` signs in with (set by `backend`). */
let signedInAs: Role = 'operator'

/** Routes the page's calls: capabilities, me, search and metadata. Returns the fetch mock. */
function backend({ caps = bothHubsUp, role = 'operator', search, metadata = makeMetadata() }: Backend = {}) {
  signedInAs = role
  return stubFetch((request) => {
    const url = new URL(request.url)
    const path = url.pathname
    if (path === '/api/v2/catalog/capabilities') return jsonResponse(caps)
    if (path === '/api/v2/catalog/auth/me') {
      return jsonResponse({ user: sampleUsers[role] })
    }
    if (path === '/api/v2/catalog/search') return search ? search(url, request) : jsonResponse(makePage())
    if (path.startsWith('/api/v2/catalog/search/')) return jsonResponse(metadata)
    return jsonResponse({ error: { code: 'not_found', message: 'no such path', request_id: 'r-404' } }, 404)
  })
}

function searchCalls(mock: ReturnType<typeof stubFetch>): URL[] {
  return mock.mock.calls
    .map(([r]) => new URL((r as Request).url))
    .filter((u) => u.pathname === '/api/v2/catalog/search')
}

/** Opens the page, waits for the capabilities, and types a query (block B asks nothing before that). */
async function openAndSearch(lang: 'en' | 'zh' = 'en', text = 'qwen') {
  const view = renderApp({ path: '/model-catalog', lang, role: signedInAs })
  // block B loads beside block A (its own chunk)
  fireEvent.change(await screen.findByTestId('search-input'), { target: { value: text } })
  return view
}

afterEach(() => {
  vi.useRealTimers()
})

describe('hub search (block B)', () => {
  it('debounces typing and cancels the request of a stale query', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: true })
    const signals = new Map<string, AbortSignal>()
    const mock = backend({
      search: (url, request) => {
        const q = url.searchParams.get('q') ?? ''
        signals.set(q, request.signal)
        if (q === 'qwe') return new Promise<Response>(() => {}) // still running when the query changes
        return jsonResponse(makePage())
      },
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: signedInAs })
    expect(await screen.findByText('Search Hugging Face')).toBeTruthy() // a prompt, and no hub call yet
    expect(searchCalls(mock)).toHaveLength(0)
    const input = screen.getByTestId('search-input')

    fireEvent.change(input, { target: { value: 'q' } })
    fireEvent.change(input, { target: { value: 'qw' } })
    fireEvent.change(input, { target: { value: 'qwe' } })
    await act(() => vi.advanceTimersByTimeAsync(300))
    expect(searchCalls(mock)).toHaveLength(0)

    await act(() => vi.advanceTimersByTimeAsync(150))
    await waitFor(() => expect(signals.has('qwe')).toBe(true))
    expect(searchCalls(mock).map((u) => u.searchParams.get('q'))).toEqual(['qwe'])
    expect(signals.get('qwe')!.aborted).toBe(false)

    fireEvent.change(input, { target: { value: 'qwen' } })
    await act(() => vi.advanceTimersByTimeAsync(450))
    await waitFor(() => expect(signals.has('qwen')).toBe(true))
    expect(signals.get('qwe')!.aborted).toBe(true)
    expect(searchCalls(mock).map((u) => u.searchParams.get('q'))).toEqual(['qwe', 'qwen'])
  })

  it('asks for the next page with next_cursor and shows the total when known', async () => {
    const mock = backend({
      search: (url) =>
        jsonResponse(
          url.searchParams.get('page') === '2'
            ? makePage({ page: 2, items: [makeItem({ id: 'Qwen/Second', name: 'Second' })], total: 45, has_more: true, next_cursor: 'c3' })
            : makePage({ total: 45, has_more: true, next_cursor: 'c2' }),
        ),
    })
    const user = userEvent.setup()
    await openAndSearch()
    await screen.findByText('Showing 1–1 of 45')
    const pager = screen.getByTestId('pager')
    expect(within(pager).getByRole('button', { name: 'Page 3' })).toBeTruthy() // 45 / 20 → 3 pages
    await user.click(within(pager).getByRole('button', { name: /Next/ }))

    await screen.findByText('Qwen/Second')
    const last = searchCalls(mock).at(-1)!
    expect(last.searchParams.get('cursor')).toBe('c2')
    expect(last.searchParams.get('page')).toBe('2')
    expect(last.searchParams.get('limit')).toBe('20')
    expect(within(screen.getByTestId('pager')).getByRole('button', { name: 'Page 2' }).getAttribute('aria-current')).toBe('page')
  })

  it('starts again at page 1 without a cursor when the provider changes', async () => {
    const mock = backend({
      search: (url) => {
        const provider = url.searchParams.get('provider') as SearchPage['provider']
        const page = Number(url.searchParams.get('page'))
        return jsonResponse(
          makePage({
            provider,
            page,
            items: [makeItem({ id: `${provider}/model-p${page}`, provider })],
            has_more: true,
            next_cursor: `cur-${page + 1}`,
          }),
        )
      },
    })
    const user = userEvent.setup()
    await openAndSearch()
    await screen.findByText('huggingface/model-p1')
    await user.click(within(screen.getByTestId('pager')).getByRole('button', { name: /Next/ }))
    await screen.findByText('huggingface/model-p2')

    await user.click(screen.getByRole('radio', { name: 'ModelScope' }))
    await screen.findByText('modelscope/model-p1')
    const last = searchCalls(mock).at(-1)!
    expect(last.searchParams.get('provider')).toBe('modelscope')
    expect(last.searchParams.get('page')).toBe('1')
    expect(last.searchParams.has('cursor')).toBe(false)
    expect((screen.getByRole('radio', { name: 'ModelScope' }) as HTMLInputElement).checked).toBe(true)
  })

  it('shows every field, with the "In cluster" badge listing uids and nodes', async () => {
    backend({
      search: () =>
        jsonResponse(
          makePage({
            items: [
              makeItem({
                in_cluster: { held: true, model_uids: ['qwen2-5-7b-instruct'], nodes: ['gpu-node-1', 'gpu-node-2'] },
                gated: true,
                gated_mode: 'manual',
              }),
            ],
          }),
        ),
    })
    await openAndSearch()
    const row = await screen.findByTestId('search-result')
    expect(within(row).getByTestId('in-cluster-badge').textContent).toBe('In cluster')
    const detail = within(row).getByTestId('in-cluster-detail').textContent
    expect(detail).toContain('qwen2-5-7b-instruct')
    expect(detail).toContain('gpu-node-1, gpu-node-2')
    expect(within(row).getByText('7.6B')).toBeTruthy()
    expect(within(row).getByText('15.2 GB')).toBeTruthy()
    expect(within(row).getByText('hub storage (upper bound)')).toBeTruthy()
    expect(within(row).getByText('Downloads (30-day)')).toBeTruthy()
    expect(within(row).getByText('14,881,790')).toBeTruthy()
    expect(within(row).getByText('Gated (manual)')).toBeTruthy()
    expect(within(row).getByText('apache-2.0')).toBeTruthy()
  })

  it('shows Download disabled for a viewer, with the reason in a tooltip', async () => {
    backend({ role: 'viewer' })
    const user = userEvent.setup()
    await openAndSearch()
    await screen.findByTestId('search-result')
    const reason = 'Requires the operator role — you are signed in as viewer'
    const button = screen.getByRole('button', { name: /Download Qwen\/Qwen2.5-7B-Instruct/ })
    // the shared RoleGate: aria-disabled (still focusable), the reason as its accessible description
    expect(button.getAttribute('aria-disabled')).toBe('true')
    expect(button.getAttribute('data-gated')).toBe('operator')
    const describedBy = (button.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean)
    expect(describedBy.map((id) => document.getElementById(id)?.textContent).join(' ')).toContain(reason)
    await user.click(button)
    expect(screen.queryByRole('dialog')).toBeNull()

    await user.hover(button)
    const tooltip = await screen.findByRole('tooltip')
    expect(tooltip.textContent).toContain(reason)
  })

  it('enables Download for an operator and opens the import dialog', async () => {
    backend({ role: 'operator' })
    const user = userEvent.setup()
    await openAndSearch()
    const name = /Download Qwen\/Qwen2.5-7B-Instruct/
    await screen.findByRole('button', { name })
    expect(screen.getByRole('button', { name }).getAttribute('aria-disabled')).toBeNull()
    await user.click(screen.getByRole('button', { name }))
    expect(await screen.findByRole('dialog', { name: 'Download into the cluster' })).toBeTruthy()
  })

  it('renders the model card summary in the drawer as text, never as HTML', async () => {
    const summary = 'Intro <img src=x onerror="alert(1)"> <b>bold</b> & more'
    backend({ metadata: makeMetadata({ summary }) })
    const user = userEvent.setup()
    await openAndSearch()
    await user.click(await screen.findByRole('button', { name: /Details of Qwen/ }))
    const drawer = await screen.findByRole('dialog')
    const text = await within(drawer).findByTestId('metadata-summary')
    expect(text.textContent).toBe(summary)
    expect(text.querySelector('img, b')).toBeNull()
    expect(within(drawer).getByTestId('revision').textContent).toBe('a09a35458c70')
    expect(within(drawer).getByText('model-00001-of-00004.safetensors')).toBeTruthy()
    const link = within(drawer).getByTestId('hub-link')
    expect(link.getAttribute('target')).toBe('_blank')
    expect(link.getAttribute('rel')).toContain('noopener')
  })

  it('shows the wait time when the hub rate-limits (503 + Retry-After), with message and request id', async () => {
    backend({
      search: () =>
        jsonResponse(
          { error: { code: 'hub_rate_limited', message: 'Hugging Face is rate-limiting this service.', request_id: 'req-rl-1', details: { provider: 'huggingface' } } },
          503,
          { 'Retry-After': '42' },
        ),
    })
    await openAndSearch()
    const box = await screen.findByTestId('search-error')
    expect(within(box).getByTestId('retry-countdown').textContent).toBe('Try again in 42 s.')
    expect(within(box).getByText('Hugging Face is rate-limiting the catalog. A hub token raises the quota.')).toBeTruthy()
    expect(within(box).getByText('req-rl-1')).toBeTruthy()
    // the retry waits for the countdown (inert, still focusable, saying why)
    expect(within(box).getByRole('button', { name: 'Try again' }).getAttribute('aria-disabled')).toBe('true')
  })

  it('collapses into a notice when no hub can be searched', async () => {
    const mock = backend({
      caps: {
        ...bothHubsUp,
        hubs: [
          { ...bothHubsUp.hubs[0], circuit: 'open' },
          {
            ...bothHubsUp.hubs[1],
            reachable: false,
            last_success_at: '2026-01-01T00:00:00Z',
            last_failure_at: '2026-01-01T00:05:00Z',
            last_failure_reason: 'hub_unreachable',
          },
        ],
      },
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: signedInAs })
    const notice = await screen.findByTestId('hub-search-unavailable')
    expect(notice.textContent).toContain('Calls to Hugging Face are paused after repeated failures.')
    expect(notice.textContent).toContain('ModelScope cannot be reached.')
    // offline, before anyone searched: what would fix it
    expect(screen.getByTestId('mirror-hint').textContent).toContain('MODELSCOPE_ENDPOINT')
    expect(screen.queryByTestId('search-input')).toBeNull()
    expect(searchCalls(mock)).toHaveLength(0)

    // An unreachable hub may have come back: the operator may try: the operator may do that; the paused hub stays off.
    await userEvent.setup().click(within(notice).getByRole('button', { name: 'Search anyway' }))
    await screen.findByTestId('search-input')
    expect((screen.getByRole('radio', { name: 'Hugging Face' }) as HTMLInputElement).disabled).toBe(true)
    expect((screen.getByRole('radio', { name: 'ModelScope' }) as HTMLInputElement).disabled).toBe(false)
  })

  it('words a hub that refused as refusing, not as unreachable, and offers no mirror for it', async () => {
    backend({
      caps: {
        ...bothHubsUp,
        hubs: [
          { ...bothHubsUp.hubs[0], reachable: false, last_failure_at: '2026-01-01T00:05:00Z', last_failure_reason: 'hub_rate_limited' },
          { ...bothHubsUp.hubs[1], reachable: false, last_failure_at: '2026-01-01T00:05:00Z', last_failure_reason: 'hub_token_invalid' },
        ],
      },
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: signedInAs })
    const notice = await screen.findByTestId('hub-search-unavailable')
    expect(notice.textContent).toContain('Hugging Face is rate-limiting the catalog. A hub token raises the quota.')
    expect(notice.textContent).toContain('ModelScope rejected the configured token')
    expect(notice.textContent).not.toContain('cannot be reached')
    expect(screen.queryByTestId('mirror-hint')).toBeNull()
    // a refusal may be over by now: trying again stays possible
    await userEvent.setup().click(within(notice).getByRole('button', { name: 'Search anyway' }))
    await screen.findByTestId('search-input')
  })

  it('says so when nothing matches', async () => {
    backend({ search: () => jsonResponse(makePage({ items: [] })) })
    await openAndSearch('zh')
    expect(await screen.findByText('没有找到模型')).toBeTruthy()
  })
})

describe('helpers', () => {
  it('formats parameter counts like model names do', () => {
    expect(formatParameters(7_615_616_512)).toBe('7.6B')
    expect(formatParameters(751_632_384)).toBe('752M')
    expect(formatParameters(70_553_706_496)).toBe('70.6B')
  })

  it('windows page numbers around the current page', () => {
    expect(pageWindow(1, 1)).toEqual([1])
    expect(pageWindow(5, 10)).toEqual([1, null, 4, 5, 6, null, 10])
    expect(pageWindow(2, 3)).toEqual([1, 2, 3])
    // a gap of one page shows the page itself
    expect(pageWindow(3, 50)).toEqual([1, 2, 3, 4, null, 50])
    expect(pageWindow(25, 50)).toEqual([1, null, 24, 25, 26, null, 50])
    expect(pageWindow(50, 50)).toEqual([1, null, 49, 50])
  })

  it('keeps the hub, the search text and the page in the address, and starts from them', async () => {
    const mock = backend({
      search: (url) => jsonResponse(makePage({ page: Number(url.searchParams.get('page')), total: 100, has_more: true, provider: 'modelscope' })),
    })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?hub=modelscope&hub_q=llama&hub_page=3&state=failed', lang: 'en', role: signedInAs })
    await screen.findByTestId('search-result')
    const first = searchCalls(mock)[0]
    expect(Object.fromEntries(first.searchParams)).toMatchObject({ provider: 'modelscope', q: 'llama', page: '3' })
    expect((screen.getByTestId('search-input') as HTMLInputElement).value).toBe('llama')
    const entries = location.history!.length
    await user.click(within(screen.getByTestId('pager')).getByRole('button', { name: 'Next' }))
    const address = () => Object.fromEntries(new URL(location.history!.at(-1)!, 'http://x').searchParams)
    await waitFor(() => expect(address()).toEqual({ hub: 'modelscope', hub_q: 'llama', hub_page: '4', state: 'failed' }))
    expect(location.history!.length).toBe(entries)
    // the ModelScope total is known: last page button
    expect(within(screen.getByTestId('pager')).getByRole('button', { name: 'Last page' })).toBeTruthy()
  })

  it('returns focus to the opener when the metadata drawer and the import dialog close', async () => {
    backend({ role: 'operator' })
    const user = userEvent.setup()
    await openAndSearch()
    const row = await screen.findByTestId('search-result')
    const details = within(row).getByRole('button', { name: /^Details/ })
    await user.click(details)
    await screen.findByTestId('metadata-drawer')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByTestId('metadata-drawer')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(details))

    const download = within(row).getByTestId('download-button')
    await user.click(download)
    const dialog = await screen.findByTestId('import-dialog')
    await user.click(within(dialog).getAllByRole('button', { name: 'Close' }).at(-1)!)
    await waitFor(() => expect(screen.queryByTestId('import-dialog')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(download))
  })

  it('treats a hub the service found unreachable as a problem, before anyone searched', () => {
    const hub = bothHubsUp.hubs[0]
    expect(hubProblem(hub)).toBeNull()
    expect(hubProblem({ ...hub, reachable: false, last_failure_reason: 'hub_unreachable' })).toBe('unreachable')
    expect(hubProblem({ ...hub, last_failure_at: '2026-01-01T00:00:00Z', last_success_at: '2026-01-02T00:00:00Z' })).toBeNull()
    expect(hubProblem({ ...hub, enabled: false })).toBe('disabled')
  })
})
