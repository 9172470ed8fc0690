import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { makeBatchImpact, makeRow, notice } from '@/test/cache-data'
import { emptyModelPage, jsonResponse, renderApp, stubApi } from '@/test/render-app'
import type { DownloadedModelRow } from '@/lib/types'

const page = (items: DownloadedModelRow[]) => jsonResponse({ ...emptyModelPage, items, total: items.length })
const rows = [
  makeRow({ model_name: 'org/running', model_uid: 'running', state: 'running', actions: ['stop'] }),
  makeRow({ model_name: 'org/stopped', model_uid: 'stopped', state: 'stopped', actions: ['start'], replicas: { desired: 0, ready: 0, unhealthy: 0 } }),
  makeRow({
    model_name: 'org/failed', model_uid: 'failed', state: 'failed', actions: ['retry', 'stop'],
    error: { code: 'model_failed', replicas: [], replicas_total: null, summary: 'failed', since: '2026-11-26T09:30:00Z' },
  }),
  makeRow({
    model_name: 'org/fetching', model_uid: 'fetching', state: 'downloading', actions: ['cancel_download'],
    progress: {
      phase: 'downloading', percent: 25, downloaded_bytes: 4_000_000_000, total_bytes: 16_000_000_000, total_known: true, speed_bytes_per_sec: null,
      eta_seconds: null, files_done: 2, files_total: null,
      replicas: [{ replica_id: 0, node_id: 'gpu-b', phase: 'downloading', downloaded_bytes: 4_000_000_000, total_bytes: 16_000_000_000, percent: 25, speed_bytes_per_sec: null, eta_seconds: null, files_done: 2, updated_at: '2026-11-26T10:00:00Z' }],
    },
  }),
]
const row = (uid: string) => screen.getAllByTestId('model-row').find((r) => r.textContent?.includes(`org/${uid}`))!
const lifecycle = (uid: string, action: 'start' | 'stop', answer: () => Response) => ({ [`/api/v2/catalog/models/${uid}/${action}`]: answer })
const result = (uid: string, action: string, notices = [] as ReturnType<typeof notice>[]) =>
  jsonResponse({ model_uid: uid, action, desired_state: action === 'start' || action === 'retry' ? 'running' : 'stopped', replicas: 1, version: 3, notices })

describe('lifecycle actions on block A', () => {
  it('offers what each state allows; a viewer sees them disabled with the reason', async () => {
    stubApi({ '/api/v2/catalog/models': () => page(rows) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('model-row')
    const named = (uid: string) => [...row(uid).querySelectorAll('[data-action]')].map((b) => b.textContent)
    expect(named('running')).toEqual(['Stop'])
    expect(named('stopped')).toEqual(['Start'])
    expect(named('failed')).toEqual(['Retry', 'Stop'])
    expect(named('fetching')).toEqual(['Cancel download'])
    const start = within(row('stopped')).getByRole('button', { name: 'Start stopped' })
    expect(start.getAttribute('aria-disabled')).toBe('true')
    expect(start.getAttribute('aria-describedby')).toBeTruthy()
    expect(document.getElementById(start.getAttribute('aria-describedby')!.split(' ').at(-1)!)!.textContent).toBe(
      'Requires the operator role — you are signed in as viewer',
    )
  })

  it('starts a stopped model and retries a failed one at once, saying so', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models': () => page(rows),
      ...lifecycle('stopped', 'start', () => result('stopped', 'start')),
      ...lifecycle('failed', 'start', () => result('failed', 'retry')),
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'operator' })
    await screen.findAllByTestId('model-row')
    await user.click(within(row('stopped')).getByRole('button', { name: 'Start stopped' }))
    expect(await screen.findByText('stopped is starting.')).toBeTruthy()
    await user.click(within(row('failed')).getByRole('button', { name: 'Retry failed' }))
    expect(await screen.findByText('failed is starting again.')).toBeTruthy()
    const posts = mock.mock.calls.map(([r]) => r as Request).filter((r) => r.method === 'POST').map((r) => new URL(r.url).pathname)
    expect(posts).toEqual(['/api/v2/catalog/models/stopped/start', '/api/v2/catalog/models/failed/start'])
    // the button went with the state it belonged to: focus stays in the row, on the model's name
    await waitFor(() => expect(document.activeElement).toBe(within(row('failed')).getByRole('button', { name: 'Details of org/failed' })))
  })

  it('asks before cancelling a download, says plainly that Nebula keeps the partial files, and only then stops', async () => {
    const mock = stubApi({
      '/api/v2/catalog/models': () => page(rows),
      ...lifecycle('fetching', 'stop', () =>
        result('fetching', 'cancel_download', [notice('partial_files_kept', { model_uid: 'fetching', nodes: 'gpu-b', bytes: 4_000_000_000 })]),
      ),
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'operator' })
    await screen.findAllByTestId('model-row')
    const opener = within(row('fetching')).getByRole('button', { name: 'Cancel download of fetching' })
    await user.click(opener)
    const dialog = await screen.findByTestId('lifecycle-dialog')
    expect(dialog.textContent).toContain('Nebula keeps the partial files on the nodes until the model is deleted')
    expect(within(dialog).getByTestId('files-kept').textContent).toContain('4 GB downloaded so far, on gpu-b.')
    // Escape leaves everything as it was, focus back on the button
    await user.keyboard('{Escape}')
    await waitFor(() => expect(document.activeElement).toBe(opener))
    expect(mock.mock.calls.some(([r]) => (r as Request).method === 'POST')).toBe(false)

    await user.click(opener)
    await user.click(within(await screen.findByTestId('lifecycle-dialog')).getByRole('button', { name: 'Cancel download' }))
    expect(await screen.findByText(/^The download of fetching is cancelled\. Nebula keeps the partial files of fetching \(4 GB on gpu-b\) until the model is deleted\.$/)).toBeTruthy()
  })

  it('asks before stopping a serving model, and says why a refused action was refused', async () => {
    stubApi({
      '/api/v2/catalog/models': () => page(rows),
      ...lifecycle('running', 'stop', () =>
        jsonResponse(
          { error: { code: 'model_not_running', message: 'running is stopping', request_id: 'req-9', details: { notice: notice('model_not_running', { model_uid: 'running', state: 'stopping' }) } } },
          409,
        ),
      ),
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'operator' })
    await screen.findAllByTestId('model-row')
    await user.click(within(row('running')).getByRole('button', { name: '停止 running' }))
    const dialog = await screen.findByTestId('lifecycle-dialog')
    expect(dialog.textContent).toContain('当前正在服务的 1 个副本将停止响应')
    expect(dialog.textContent).toContain('在模型被删除之前，Nebula 会把模型及其文件保留在节点上')
    await user.click(within(dialog).getByRole('button', { name: '停止模型' }))
    const alert = await screen.findByTestId('lifecycle-error')
    expect(alert.textContent).toContain('无法停止 running')
    expect(alert.textContent).toContain('该模型已是“停止中”：没有可停止的内容。')
    expect(alert.textContent).toContain('req-9')
  })
})

describe('batch delete and newer revisions in block A', () => {
  it('lets an admin select rows across the page and delete them with one phrase; the deleted leave the selection', async () => {
    let sent: unknown = null
    stubApi({
      '/api/v2/catalog/models': () => page(rows),
      '/api/v2/catalog/model-deletions/impact': () => jsonResponse(makeBatchImpact(['running', 'stopped'], { running_replicas: 1 })),
      '/api/v2/catalog/model-deletions': async (r) => {
        sent = await r.json()
        return jsonResponse({
          batch_id: 'b1', deleted: 2, failed: 0, freed_bytes_expected: 4_000_000_000,
          results: ['running', 'stopped'].map((uid) => ({ model_uid: uid, status: 'deleted', gc_queued_nodes: 1, freed_bytes_expected: 2_000_000_000, error: null })),
        })
      },
    })
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'admin' })
    await screen.findAllByTestId('model-row')
    await user.click(within(row('running')).getByRole('checkbox', { name: 'Select running to delete' }))
    await user.click(within(row('stopped')).getByRole('checkbox', { name: 'Select stopped to delete' }))
    const all = screen.getByTestId('select-page') as HTMLInputElement
    expect(all.indeterminate).toBe(true)
    const bar = screen.getByTestId('selection-bar')
    await user.click(within(bar).getByRole('button', { name: 'Delete 2 models' }))
    const dialog = await screen.findByTestId('batch-delete-dialog')
    expect((await within(dialog).findByTestId('delete-running')).textContent).toBe('1')
    await user.type(within(dialog).getByTestId('confirmation-input'), 'delete 2 models')
    await user.click(within(dialog).getByTestId('batch-delete-confirm'))
    expect(await within(dialog).findByText('2 deleted, 0 not deleted')).toBeTruthy()
    expect(sent).toEqual({ model_uids: ['running', 'stopped'], confirmation: 'delete 2 models' })
    expect(screen.queryByTestId('selection-bar')).toBeNull()
    await user.click(within(dialog).getByTestId('batch-delete-done'))
    // the bar went with the selection: focus goes to the notice that says what happened
    await waitFor(() => expect(document.activeElement?.id).toBe('models-notice'))
    expect(document.activeElement!.textContent).toContain('2 models deleted (running, stopped)')
  })

  it('says when the hub has a newer revision than the one imported, with its date', async () => {
    stubApi({
      '/api/v2/catalog/models': () =>
        page([makeRow({ newer_revision: { sha: 'b968826d9c46dd6066d109eabc6255188de91218', date: '2026-11-20T08:00:00Z', checked_at: '2026-11-26T09:00:00Z' } })]),
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const newer = await screen.findByTestId('newer-revision')
    expect(newer.textContent).toMatch(/^Newer revision on the hub · Nov 20, \d+:00 [AP]M$/)
    expect(newer.getAttribute('title')).toContain('at b968826d9c46 now; this model was imported at a09a35458c70')
  })
})
