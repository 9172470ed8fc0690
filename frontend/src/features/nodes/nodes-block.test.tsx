import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { makeBatchImpact, makeCopy, makeNode, makeNodes, notice } from '@/test/cache-data'
import { jsonResponse, renderApp, stubApi } from '@/test/render-app'

const nodeRequests = (mock: ReturnType<typeof stubApi>) =>
  mock.mock.calls.map((c) => c[0] as Request).filter((r) => new URL(r.url).pathname === '/api/v2/catalog/nodes')
const card = (node: string) => screen.getAllByTestId('node-card').find((c) => c.getAttribute('data-node') === node)!

describe('Nodes and disk', () => {
  it('is a tab of Model Catalog that the address opens, and asks for the nodes only while it is shown', async () => {
    const mock = stubApi({ '/api/v2/catalog/nodes': () => jsonResponse(makeNodes()) })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?view=nodes', lang: 'en', role: 'viewer' })
    expect(screen.getByRole('tab', { name: 'Nodes and disk' }).getAttribute('aria-selected')).toBe('true')
    await screen.findAllByTestId('node-card')
    expect(nodeRequests(mock)).toHaveLength(1)
    // block A is not shown meanwhile, so it asks nothing
    expect(mock.mock.calls.filter(([r]) => new URL((r as Request).url).pathname === '/api/v2/catalog/models')).toHaveLength(0)

    // the tabs move with the arrow keys, and the address follows
    screen.getByRole('tab', { name: 'Nodes and disk' }).focus()
    await user.keyboard('{ArrowLeft}')
    expect(screen.getByRole('tab', { name: 'Models' }).getAttribute('aria-selected')).toBe('true')
    expect(document.activeElement).toBe(screen.getByRole('tab', { name: 'Models' }))
    expect(location.history.at(-1)).toBe('/model-catalog')
    expect(await screen.findByRole('heading', { level: 2, name: 'Downloaded models' })).toBeTruthy()
    expect(screen.queryByTestId('node-card')).toBeNull()
  })

  it('shows each node: alive or down, GPUs and what holds them, disk, merged alerts with first and last seen', async () => {
    stubApi({ '/api/v2/catalog/nodes': () => jsonResponse(makeNodes()) })
    renderApp({ path: '/model-catalog?view=nodes', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('node-card')
    const totals = screen.getByTestId('cluster-totals')
    expect(totals.textContent).toContain('1 of 2 alive')
    expect(totals.textContent).toContain('1 node is down')
    expect(within(screen.getByTestId('total-reclaimable')).getByText('2.3 GB')).toBeTruthy()
    expect(totals.textContent).toContain('+ 17 GB on nodes that are down (freed when they return)')

    const alive = card('gpu-a')
    expect(within(alive).getByTestId('node-status').textContent).toBe('Alive')
    const gpus = within(alive).getAllByTestId('gpu')
    expect(gpus[0].textContent).toContain('16.7 GiB / 79.6 GiB')
    expect(gpus[0].textContent).toContain('qwen-7b')
    expect(gpus[1].textContent).toContain('free')
    const disk = within(alive).getByRole('meter', { name: 'Disk use of gpu-a' })
    expect(disk.getAttribute('aria-valuenow')).toBe('86')
    expect(alive.textContent).toContain('1.7 TB of 2 TB')
    // one entry per alert type: the stale critical says it no longer holds, and why Nebula still lists it
    const alerts = within(alive).getAllByTestId('alert')
    expect(alerts).toHaveLength(2)
    expect(alerts[0].textContent).toMatch(/Disk above 85 %Active86 % full, 280 GB freeFirst seen .* · last seen /)
    expect(alerts[1].getAttribute('data-active')).toBe('false')
    expect(alerts[1].textContent).toContain('No longer active')
    expect(alerts[1].textContent).toContain('Nebula never clears its alerts')

    const dead = card('gpu-d')
    expect(within(dead).getByTestId('node-status').textContent).toBe('Down')
    expect(dead.textContent).toContain('No GPUs while the node is down.')
    expect(dead.textContent).toContain('its space freed, only when it returns')
    // a dead node's copies are listed
    expect(within(dead).getAllByTestId('copy-row')).toHaveLength(1)
  })

  it('says per copy what is safe to reclaim and how, and why the others stay, in words', async () => {
    const shared = makeCopy({
      cache_path: '/DATA/Model/Qwen2.5-7B', model_name: 'Qwen2.5-7B', safe_to_reclaim: false, reclaim: null,
      reclaim_blocked_by: [notice('shared_by_models', { model_uids: 'qwen-7b, qwen-7b-copy' })],
    })
    const orphan = makeCopy({ cache_path: '/DATA/Model/.cache/x', model_name: 'other/x', used_by: [], reclaim: { how: 'remove_on_node', model_uid: null } })
    stubApi({ '/api/v2/catalog/nodes': () => jsonResponse(makeNodes([makeNode({ copies: [...makeNode().copies, shared, orphan] })])) })
    renderApp({ path: '/model-catalog?view=nodes', lang: 'en', role: 'viewer' })
    const rows = await screen.findAllByTestId('copy-row')
    expect(rows[0].textContent).toContain('Never seen serving')
    expect(within(rows[0]).getByTestId('reclaim').textContent).toBe('Safe to reclaimDelete the model reranker (admin).')
    expect(within(rows[1]).getByTestId('reclaim').textContent).toBe('Keepqwen-7b is deployed (Running): Nebula runs it from these files.')
    expect(within(rows[2]).getByTestId('reclaim').textContent).toContain('Used by qwen-7b, qwen-7b-copy: Nebula’s delete of either takes the files of all.')
    expect(within(rows[3]).getByTestId('reclaim').textContent).toContain('Remove the directory on the node: it belongs to no registered model.')
    expect(rows[3].textContent).toContain('No registered model')
    // a viewer selects nothing
    expect(screen.queryByTestId('select-copy')).toBeNull()
  })

  it('sorts the copies by last used, size or name on the server, and keeps the choice in the address', async () => {
    const mock = stubApi({ '/api/v2/catalog/nodes': () => jsonResponse(makeNodes()) })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog?view=nodes', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('node-card')
    expect(Object.fromEntries(new URL(nodeRequests(mock)[0].url).searchParams)).toEqual({ sort: 'last_used', order: 'asc' })
    await user.click(within(card('gpu-a')).getByTestId('copy-sort-size'))
    await waitFor(() => expect(Object.fromEntries(new URL(nodeRequests(mock).at(-1)!.url).searchParams)).toEqual({ sort: 'size', order: 'desc' }))
    expect(location.history.at(-1)).toBe('/model-catalog?view=nodes&copy_sort=size&copy_order=desc')
    // back to the default (served from the first answer, still fresh): not in the address
    await user.selectOptions(screen.getByLabelText('Sort copies by'), 'last_used')
    expect(location.history.at(-1)).toBe('/model-catalog?view=nodes')
    expect(within(card('gpu-a')).getByTestId('copy-sort-last_used').closest('th')!.getAttribute('aria-sort')).toBe('ascending')
    // only what can go
    await user.click(screen.getByLabelText('Only copies safe to reclaim'))
    expect(within(card('gpu-a')).getAllByTestId('copy-row')).toHaveLength(1)
    expect(location.history.at(-1)).toContain('safe_only=1')
  })

  it('lets an admin select safe copies’ models and delete them in one batch; a failure is shown on its row', async () => {
    const nodes = makeNodes([makeNode({ copies: [makeCopy(), makeCopy({ cache_path: '/DATA/Model/b', model_name: 'org/b', reclaim: { how: 'delete_model', model_uid: 'b' } })] })])
    let sent: unknown = null
    stubApi({
      '/api/v2/catalog/nodes': () => jsonResponse(nodes),
      '/api/v2/catalog/model-deletions/impact': () => jsonResponse(makeBatchImpact(['reranker', 'b'])),
      '/api/v2/catalog/model-deletions': async (r) => {
        sent = await r.json()
        return jsonResponse({
          batch_id: 'batch-1', deleted: 1, failed: 1, freed_bytes_expected: 2_000_000_000,
          results: [
            { model_uid: 'reranker', status: 'deleted', gc_queued_nodes: 1, freed_bytes_expected: 2_000_000_000, error: null },
            { model_uid: 'b', status: 'failed', gc_queued_nodes: null, freed_bytes_expected: null, error: { code: 'nebula_unavailable', message: 'Nebula is down', status: 503, details: null } },
          ],
        })
      },
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog?view=nodes', lang: 'en', role: 'admin' })
    const boxes = await screen.findAllByTestId('select-copy')
    expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(['Select reranker (its copy on gpu-a) to delete', 'Select b (its copy on gpu-a) to delete'])
    for (const box of boxes) await user.click(box)
    const bar = screen.getByTestId('nodes-selection-bar')
    expect(bar.textContent).toContain('2 models selected')
    const open = within(bar).getByRole('button', { name: 'Delete 2 models' })
    await user.click(open)
    const dialog = await screen.findByTestId('batch-delete-dialog')
    expect((await within(dialog).findByTestId('batch-delete-models')).textContent).toMatch(/reranker.*b/)
    expect(within(dialog).getByTestId('delete-freed').textContent).toBe('4 GB')
    const confirm = within(dialog).getByTestId('batch-delete-confirm') as HTMLButtonElement
    expect(confirm.disabled).toBe(true)
    await user.type(within(dialog).getByTestId('confirmation-input'), 'delete 2 model')
    expect(confirm.disabled).toBe(true)
    await user.type(within(dialog).getByTestId('confirmation-input'), 's')
    await user.click(confirm)
    const results = await within(dialog).findAllByTestId('batch-delete-result')
    expect(sent).toEqual({ model_uids: ['reranker', 'b'], confirmation: 'delete 2 models' })
    expect(results.map((r) => r.getAttribute('data-status'))).toEqual(['deleted', 'failed'])
    expect(results[1].textContent).toContain('Not deleted: Nebula is not answering right now.')
    expect(dialog.textContent).toContain('1 deleted, 1 not deleted')
    // the failed one stays selected, to try again; focus goes back to the button that opened the dialog
    await user.click(within(dialog).getByTestId('batch-delete-done'))
    expect(screen.getByTestId('nodes-selection-bar').textContent).toContain('1 model selected')
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getByTestId('nodes-selection-bar')).getByRole('button', { name: 'Delete 1 model' })))
  })

  it('speaks Chinese, sizes and all', async () => {
    stubApi({ '/api/v2/catalog/nodes': () => jsonResponse(makeNodes()) })
    renderApp({ path: '/model-catalog?view=nodes', lang: 'zh', role: 'viewer' })
    await screen.findAllByTestId('node-card')
    expect(screen.getByRole('tab', { name: '节点与磁盘' })).toBeTruthy()
    expect(screen.getByTestId('cluster-totals').textContent).toContain('2 个中 1 个在线')
    expect(within(card('gpu-a')).getAllByTestId('alert')[1].textContent).toContain('已不再活动')
    expect(within(card('gpu-a')).getAllByTestId('copy-row')[1].textContent).toContain('qwen-7b 已部署（运行中）')
  })
})
