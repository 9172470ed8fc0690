import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { readModelsQuery, writeModelsQuery } from './url-state'
import type { DownloadedModelRow } from '@/lib/types'
import { emptyModelPage, jsonResponse, pathOf, renderApp, stubApi } from '@/test/render-app'

const base: Omit<DownloadedModelRow, 'model_name' | 'model_uid' | 'state'> = {
  source: 'huggingface', revision: 'main', size_bytes: 15_200_000_000,
  nodes: [{ node_id: 'gpu-a', cache_path: '/DATA/Model/models--Qwen--Qwen2.5-7B', size_bytes: 15_200_000_000, complete: true, last_access: null, alive: true }],
  node_count: 1, last_used: '2026-11-26T09:00:00Z', last_seen_running: null, engine_type: null, endpoints: [], replicas: { desired: 1, ready: 1, unhealthy: 0 }, progress: null,
  error: null, imported_by: 'ops', imported_at: '2026-11-25T09:00:00Z', deletable: true, delete_blocked_by: [],
  actions: [], newer_revision: null,
}
const rows: DownloadedModelRow[] = [
  { ...base, model_name: 'Qwen/Qwen2.5-7B', model_uid: 'qwen-7b', state: 'running' },
  {
    ...base, model_name: 'meta/Llama-3-8B', model_uid: 'llama-8b', state: 'downloading',
    progress: { phase: 'downloading', percent: 42.5, downloaded_bytes: 6_800_000_000, total_bytes: 16_000_000_000, total_known: true,
      speed_bytes_per_sec: 120_000_000, eta_seconds: 77, files_done: 3, files_total: 8, replicas: [] },
  },
  {
    ...base, model_name: 'x/unknown-size', model_uid: 'unk', state: 'downloading',
    progress: { phase: 'downloading', percent: null, downloaded_bytes: 1_000_000, total_bytes: null, total_known: false,
      speed_bytes_per_sec: null, eta_seconds: null, files_done: 0, files_total: null, replicas: [] },
  },
  { ...base, model_name: 'y/broken', model_uid: 'broken', state: 'failed', error: { code: 'node_lost', replicas: [{ replica_id: 0, node_id: 'gpu-a' }], replicas_total: null, summary: 'gpu-a stopped reporting to Nebula', since: '2026-11-26T09:30:00Z' } },
]
const page = { ...emptyModelPage, items: rows, total: 4 }
const modelRequests = (mock: ReturnType<typeof stubApi>) =>
  mock.mock.calls.map((c) => c[0] as Request).filter((r) => new URL(r.url).pathname === '/api/v2/catalog/models')

describe('Downloaded models (block A)', () => {
  it('shows every field: sizes, states, progress with bytes/speed/ETA, total unknown, error', async () => {
    stubApi({ '/api/v2/catalog/models': () => jsonResponse(page) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const found = await screen.findAllByTestId('model-row')
    expect(found).toHaveLength(4)
    expect(within(found[0]).getByText('15.2 GB')).toBeTruthy()
    expect(within(found[0]).getByText('Running')).toBeTruthy()
    expect(within(found[0]).getByText('gpu-a')).toBeTruthy()
    const bar = within(found[1]).getAllByRole('progressbar')[0]
    expect(bar.getAttribute('aria-valuenow')).toBe('43')
    expect(within(found[1]).getByTestId('progress').textContent).toMatch(/42%.*6\.8 GB \/ 16 GB.*120 MB\/s.*ETA 1 min 17 s/)
    expect(within(found[2]).getByTestId('progress').textContent).toContain('total unknown')
    expect(within(found[3]).getByTestId('row-error').textContent).toContain('gpu-a stopped reporting to Nebula (last heartbeat')
  })

  it('words failure reasons from their codes in Chinese, not the server’s English', async () => {
    const unhealthy = {
      ...base,
      model_name: 'z/sick',
      model_uid: 'sick',
      state: 'degraded',
      error: {
        code: 'replicas_unhealthy',
        replicas: [{ replica_id: 1, node_id: 'gpu-b' }],
        replicas_total: 2,
        summary: '1 of 2 replicas unhealthy: replica 1 on gpu-b',
        since: '2026-11-26T09:30:00Z',
      },
    }
    stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, items: [...page.items, unhealthy], total: 5 }) })
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })
    const found = await screen.findAllByTestId('model-row')
    const lost = within(found[3]).getByTestId('row-error').textContent ?? ''
    expect(lost).toContain('gpu-a 已停止向 Nebula 上报')
    expect(lost).toContain('副本 0 已不存在')
    expect(lost).not.toContain('stopped reporting')
    expect(within(found[4]).getByTestId('row-error').textContent).toContain('2 个副本中有 1 个不健康：gpu-b 上的副本 1')
  })

  it('asks the server once per refresh, with sort/filter/paging in the query', async () => {
    const mock = stubApi({ '/api/v2/catalog/models': () => jsonResponse(page) })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    expect(modelRequests(mock)).toHaveLength(1)
    await user.click(screen.getByRole('button', { name: 'Refresh' }))
    await waitFor(() => expect(modelRequests(mock)).toHaveLength(2))
    await user.selectOptions(screen.getAllByLabelText('State')[0], 'failed')
    // block A's sort comes first on the page; block B has its own
    await user.selectOptions(screen.getAllByLabelText('Sort by')[0], 'size')
    await waitFor(() => {
      const q = Object.fromEntries(new URL(modelRequests(mock).at(-1)!.url).searchParams)
      expect(q).toMatchObject({ page: '1', limit: '20', sort: 'size', state: 'failed' })
    })
  })

  it('says when the data is stale', async () => {
    stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, stale: true }) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    expect((await screen.findByTestId('stale-banner')).textContent).toContain('Nebula is not answering')
  })

  it('shows Delete disabled with the reason to a viewer', async () => {
    stubApi({ '/api/v2/catalog/models': () => jsonResponse(page) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const [first] = await screen.findAllByTestId('model-row')
    const del = within(first).getByRole('button', { name: 'Delete qwen-7b' })
    expect(del.getAttribute('aria-disabled')).toBe('true')
  })

  it('lets an admin delete after reading the impact and typing the uid', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models/qwen-7b/delete-impact': () =>
        jsonResponse({ model_uid: 'qwen-7b', model_name: 'Qwen/Qwen2.5-7B', state: 'running', running_replicas: 1,
          files_deleted: [], nodes: ['gpu-a'], freed_bytes_expected: 15_200_000_000, affected_models: [], affected_cache_only: [],
          notes: [], as_of: '2026-11-26T10:00:00Z', stale: false }),
      '/api/v2/catalog/models/qwen-7b': (r) =>
        r.method === 'DELETE' ? jsonResponse({ model_uid: 'qwen-7b', status: 'deleted', gc_queued_nodes: 1, freed_bytes_expected: 1 }) : jsonResponse({}),
      '/api/v2/catalog/models': () => jsonResponse(page),
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'admin' })
    const [first] = await screen.findAllByTestId('model-row')
    await user.click(within(first).getByRole('button', { name: 'Delete qwen-7b' }))
    const dialog = await screen.findByTestId('delete-dialog')
    expect((await within(dialog).findByTestId('delete-impact')).textContent).toContain('15.2 GB')
    const confirm = within(dialog).getByRole('button', { name: 'Delete model' }) as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    await user.type(within(dialog).getByLabelText('Type qwen-7b to confirm'), 'qwen-7b')
    expect(confirm.disabled).toBe(false)
    await user.click(confirm)
    await waitFor(() => expect(mock.mock.calls.some((c) => (c[0] as Request).method === 'DELETE' && pathOf(c[0] as Request) === '/api/v2/catalog/models/qwen-7b')).toBe(true))
    expect(await screen.findByText(/qwen-7b deleted/)).toBeTruthy()
  })

  it('filters for and marks a just-imported model (?highlight=uid) until "Show all models"', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models': (r) =>
        jsonResponse(new URL(r.url).searchParams.get('q') === 'llama-8b' ? { ...page, items: [rows[1]], total: 1 } : page),
    })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?highlight=llama-8b', lang: 'en', role: 'operator' })
    expect((await screen.findByTestId('highlight-notice')).textContent).toContain('llama-8b was just imported')
    await waitFor(() => expect(screen.getAllByTestId('model-row')).toHaveLength(1))
    expect(screen.getByTestId('model-row').getAttribute('data-highlighted')).toBe('true')
    expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.get('q')).toBe('llama-8b')
    expect((screen.getByLabelText('Search models') as HTMLInputElement).value).toBe('llama-8b')

    await user.click(screen.getByRole('button', { name: 'Show all models' }))
    await waitFor(() => expect(screen.getAllByTestId('model-row')).toHaveLength(4))
    expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.has('q')).toBe(false)
    expect(screen.queryByTestId('highlight-notice')).toBeNull()
    expect(screen.getAllByTestId('model-row').some((r) => r.hasAttribute('data-highlighted'))).toBe(false)
    expect(location.history!.at(-1)).not.toContain('highlight')
  })

  it('applies the text filter once typing pauses, without Enter', async () => {
    const mock = stubApi({ '/api/v2/catalog/models': () => jsonResponse(page) })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    await user.type(screen.getByLabelText('Search models'), 'llama')
    await waitFor(() => expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.get('q')).toBe('llama'))
    // one request for the pause, not one per keystroke
    expect(modelRequests(mock).filter((r) => new URL(r.url).searchParams.has('q'))).toHaveLength(1)
  })

  it('before the first cache scan, a download shows the size the service expects and the node fetching it', async () => {
    const fresh: DownloadedModelRow = {
      ...base, model_name: 'Qwen/Qwen3-8B', model_uid: 'qwen3-8b', state: 'downloading', revision: 'b968826d9c46dd6066d109eabc6255188de91218',
      size_bytes: 16_400_000_000, nodes: [], node_count: 0, last_used: null,
      progress: { phase: 'downloading', percent: 11, downloaded_bytes: 1_800_000_000, total_bytes: 16_400_000_000, total_known: true,
        speed_bytes_per_sec: 200_000_000, eta_seconds: 73, files_done: 1, files_total: 15,
        replicas: [{ replica_id: 0, node_id: 'gpu-node-02', phase: 'downloading', percent: 11, downloaded_bytes: 1_800_000_000,
          total_bytes: 16_400_000_000, speed_bytes_per_sec: 200_000_000, eta_seconds: 73, files_done: 1, updated_at: '2026-11-26T10:00:00Z' }] },
    }
    stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, items: [fresh], total: 1 }) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const row = await screen.findByTestId('model-row')
    expect(row.textContent).toContain('16.4 GB')
    expect(row.textContent).toContain('Fetching ongpu-node-02')
    expect(row.textContent).not.toContain('0 B')
    // the sha reads like git shows it; the whole one is on hover
    expect(within(row).getByTitle('b968826d9c46dd6066d109eabc6255188de91218').textContent).toBe('b968826d9c46')
  })

  it('reads filters, sort and page from the address, and writes them back replacing the entry', async () => {
    const mock = stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, total: 60, page: 2, limit: 10 }) })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?state=failed&sort=size&order=desc&page=2&limit=10', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    expect(Object.fromEntries(new URL(modelRequests(mock)[0].url).searchParams)).toMatchObject({ state: 'failed', sort: 'size', order: 'desc', page: '2', limit: '10' })
    expect((screen.getAllByLabelText('State')[0] as HTMLSelectElement).value).toBe('failed')
    expect(screen.getByTestId('sort-size').closest('th')!.getAttribute('aria-sort')).toBe('descending')
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('none')
    const entries = location.history!.length

    await user.selectOptions(screen.getAllByLabelText('Source')[0], 'local')
    const address = () => Object.fromEntries(new URL(location.history!.at(-1)!, 'http://x').searchParams)
    // the page goes back to 1 (left out), the rest stays
    await waitFor(() => expect(address()).toEqual({ state: 'failed', source: 'local', sort: 'size', order: 'desc', limit: '10' }))
    expect(location.history!.length).toBe(entries) // replaced, not pushed
  })

  it('ignores unknown values in the address and leaves defaults out of it', () => {
    const q = readModelsQuery(new URLSearchParams('sort=bogus&order=up&page=-3&state=nope&source=local&limit=7&q=%20x%20'))
    expect(q).toEqual({ page: 1, limit: 20, sort: 'name', order: 'asc', source: 'local', q: 'x' })
    expect(writeModelsQuery(new URLSearchParams('hub_q=qwen&highlight=a'), q).toString()).toBe('hub_q=qwen&highlight=a&q=x&source=local')
    expect(writeModelsQuery(new URLSearchParams(), q, true).toString()).toBe('source=local')
  })

  it('sorts from the column headers the API can sort by, first click largest/newest first', async () => {
    const mock = stubApi({ '/api/v2/catalog/models': () => jsonResponse(page) })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    expect(screen.getByTestId('sort-name').closest('th')!.getAttribute('aria-sort')).toBe('ascending')
    // Source, Nodes and Actions have no sort in the API: plain headers
    expect(screen.getAllByRole('columnheader').filter((th) => th.querySelector('button')).map((th) => th.textContent)).toEqual(['Model', 'Size', 'Last seen running', 'State'])
    await user.click(screen.getByTestId('sort-size'))
    await waitFor(() => expect(Object.fromEntries(new URL(modelRequests(mock).at(-1)!.url).searchParams)).toMatchObject({ sort: 'size', order: 'desc', page: '1' }))
    await user.click(screen.getByTestId('sort-size'))
    await waitFor(() => expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.get('order')).toBe('asc'))
    expect(screen.getByTestId('sort-size').closest('th')!.getAttribute('aria-sort')).toBe('ascending')
  })

  it('says when filters match nothing, and Clear filters brings every model back', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models': (r) => jsonResponse(new URL(r.url).searchParams.has('state') ? { ...page, items: [], total: 0 } : page),
    })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?state=failed', lang: 'en', role: 'viewer' })
    expect(await screen.findByText('No models match these filters')).toBeTruthy()
    expect(screen.queryByText('No models yet')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Clear filters' }))
    await waitFor(() => expect(screen.getAllByTestId('model-row')).toHaveLength(4))
    expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.has('state')).toBe(false)
    expect(location.history!.at(-1)).toBe('/model-catalog')
    expect(document.activeElement).toBe(screen.getByLabelText('Search models'))
  })

  it('says "No models yet" only when the cluster is empty', async () => {
    stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, items: [], total: 0 }) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    expect(await screen.findByText('No models yet')).toBeTruthy()
    expect(screen.queryByRole('button', { name: 'Clear filters' })).toBeNull()
  })

  it('pages 1,000 models with first/last and numbered pages, keeping focus on the pager', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models': (r) => jsonResponse({ ...page, total: 1000, page: Number(new URL(r.url).searchParams.get('page')) }),
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    const pager = screen.getByTestId('models-pager')
    const numbers = () => within(pager).getAllByRole('button', { name: /^Page \d/ }).map((b) => b.textContent)
    expect(numbers()).toEqual(['1', '2', '50'])
    expect(pager.textContent).toContain('1–4 of 1,000 · Page 1 of 50')
    const next = within(pager).getByRole('button', { name: 'Next' })
    await user.click(next)
    await waitFor(() => expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.get('page')).toBe('2'))
    await waitFor(() => expect(numbers()).toEqual(['1', '2', '3', '50']))
    expect(document.activeElement).toBe(next)
    await user.click(within(pager).getByRole('button', { name: 'Last page' }))
    await waitFor(() => expect(numbers()).toEqual(['1', '49', '50']))
    expect(new URL(modelRequests(mock).at(-1)!.url).searchParams.get('page')).toBe('50')
    // on the last page Next stays focusable (aria-disabled) and does nothing
    expect(within(pager).getByRole('button', { name: 'Next' }).getAttribute('aria-disabled')).toBe('true')
  })

  it('returns focus to the Details button when the sheet closes', async () => {
    stubApi({ '/api/v2/catalog/models': () => jsonResponse({ ...page, items: [{ ...rows[0], model_uid: null }] }) })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const opener = within(await screen.findByTestId('model-row')).getByRole('button', { name: /^Details of / })
    await user.click(opener)
    await screen.findByTestId('model-details')
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByTestId('model-details')).toBeNull())
    await waitFor(() => expect(document.activeElement).toBe(opener))
    await user.click(opener)
    await user.click(within(await screen.findByTestId('model-details')).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(document.activeElement).toBe(opener))
  })
})
