import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { makeItem, makePage } from '@/features/hub-search/test-data'
import { makePreflight, notice } from '@/test/cache-data'
import { jsonResponse, renderApp, stubApi } from '@/test/render-app'
import type { ImportRequest } from '@/lib/types'

const VL = makeItem({ id: 'Qwen/Qwen2.5-VL-7B-Instruct', name: 'Qwen2.5-VL-7B-Instruct' })
const Q4 = makeItem({ id: 'Qwen/Qwen3-4B', name: 'Qwen3-4B' })
const suggested = (id: string) => `qwen-${id.split('/')[1].toLowerCase().replace(/[^a-z0-9]+/g, '-')}`

/** The app with two search results; batch pre-flights answered per item (`blocked` ones with model_exists). */
function setup({ blocked = [] as string[], failImport = [] as string[] } = {}) {
  const sent: { preflights: ImportRequest[][]; imports: (ImportRequest & { idempotency_key?: string })[][] } = { preflights: [], imports: [] }
  stubApi({
    '/api/v2/catalog/search': () => jsonResponse(makePage({ items: [VL, Q4] })),
    '/api/v2/catalog/import/preflight/batch': async (r) => {
      const { items } = (await r.json()) as { items: ImportRequest[] }
      sent.preflights.push(items)
      return jsonResponse({
        items: items.map((item, index) => ({
          index,
          model_id: item.model_id,
          preflight: makePreflight({
            model_id: item.model_id,
            suggested_uid: item.model_uid ?? suggested(item.model_id),
            blocking: blocked.includes(item.model_uid ?? suggested(item.model_id)) ? [notice('model_exists', { model_uid: item.model_uid ?? '' })] : [],
          }),
        })),
      })
    },
    '/api/v2/catalog/import/batch': async (r) => {
      const { items } = (await r.json()) as { items: (ImportRequest & { idempotency_key: string })[] }
      sent.imports.push(items)
      const outcomes = items.map((item, index) =>
        failImport.includes(item.model_id)
          ? { index, model_id: item.model_id, status: 'failed', error: { code: 'nebula_error', message: 'Nebula said no', status: 502, details: null } }
          : {
              index, model_id: item.model_id, status: 'created',
              result: { import_id: `i${index}`, model_uid: item.model_uid, status: 'created', provider: 'huggingface', model_id: item.model_id, revision: item.revision,
                expected_bytes: null, engine_type: 'vllm', replicas: 1, auto_start: true, imported_by: 'operator', created_at: '2026-11-26T10:00:00Z' },
            },
      )
      return jsonResponse({ items: outcomes, created: outcomes.filter((o) => o.status === 'created').length, failed: outcomes.filter((o) => o.status === 'failed').length })
    },
  })
  return sent
}

async function openBatch(user: ReturnType<typeof userEvent.setup>) {
  renderApp({ path: '/model-catalog?hub_q=qwen', lang: 'en', role: 'operator' })
  for (const id of [VL.id, Q4.id]) await user.click(await screen.findByRole('checkbox', { name: `Select ${id} for a batch download` }))
  const bar = screen.getByTestId('import-selection-bar')
  expect(bar.textContent).toContain('2 models selected for download')
  await user.click(within(bar).getByRole('button', { name: 'Download 2 models' }))
  return screen.findByTestId('batch-import-dialog')
}

const item = (id: string) => screen.getAllByTestId('batch-item').find((el) => el.getAttribute('data-model-id') === id)!

describe('batch import', () => {
  it('shows each model with its own uid, pre-flight and fit, and starts them in one request with one key each', async () => {
    const sent = setup()
    const user = userEvent.setup()
    const dialog = await openBatch(user)
    await waitFor(() => expect(within(item(Q4.id)).getByTestId('batch-uid').getAttribute('value')).toBe('qwen-qwen3-4b'))
    expect(within(item(VL.id)).getByTestId('fit-verdict-text').textContent).toBe('Fits on one GPU of 1 node: gpu-a.')
    expect(within(item(VL.id)).getByTestId('batch-item-facts').textContent).toMatch(/Revision 6e6556e8ce72.*Size 16.6 GB.*room on 1 node/)
    // one pre-flight for both: the first without uids (the service suggests them)
    expect(sent.preflights[0].map((i) => [i.model_id, i.model_uid])).toEqual([[VL.id, undefined], [Q4.id, undefined]])

    await user.selectOptions(within(dialog).getByLabelText('Engine'), 'sglang')
    const submit = within(dialog).getByTestId('batch-import-submit') as HTMLButtonElement
    await waitFor(() => expect(submit.disabled).toBe(false))
    await user.click(submit)
    expect(await within(dialog).findByText('2 started, 0 not started')).toBeTruthy()
    const [items] = sent.imports
    expect(items.map((i) => [i.model_id, i.model_uid, i.engine_type, i.revision])).toEqual([
      [VL.id, 'qwen-qwen2-5-vl-7b-instruct', 'sglang', '6e6556e8ce728c7b3e438d75ebf04ec93403dc19'],
      [Q4.id, 'qwen-qwen3-4b', 'sglang', '6e6556e8ce728c7b3e438d75ebf04ec93403dc19'],
    ])
    expect(new Set(items.map((i) => i.idempotency_key)).size).toBe(2)
    expect(await screen.findByText('2 downloads started.')).toBeTruthy()
    // the started models leave the selection
    expect(screen.queryByTestId('import-selection-bar')).toBeNull()
  })

  it('will not submit two models under one uid, nor one the pre-flight refuses; a model can be taken out', async () => {
    setup({ blocked: ['taken'] })
    const user = userEvent.setup()
    const dialog = await openBatch(user)
    const uid = async (id: string, value: string) => {
      const input = within(item(id)).getByTestId('batch-uid')
      await user.clear(input)
      await user.type(input, value)
    }
    await waitFor(() => expect(within(item(VL.id)).getByTestId('batch-uid').getAttribute('value')).toBe('qwen-qwen2-5-vl-7b-instruct'))
    await uid(Q4.id, 'qwen-qwen2-5-vl-7b-instruct')
    expect(await within(item(Q4.id)).findByText('Another model of this batch has the same uid.')).toBeTruthy()
    const submit = within(dialog).getByTestId('batch-import-submit') as HTMLButtonElement
    expect(submit.disabled).toBe(true)
    await uid(Q4.id, 'taken')
    expect(await within(item(Q4.id)).findByText('A model with UID “taken” already exists in Nebula.')).toBeTruthy()
    expect(within(item(Q4.id)).getByText('Choose another model uid above.')).toBeTruthy()
    expect(within(item(Q4.id)).getByText('Cannot be downloaded yet: see the problems above.')).toBeTruthy()
    expect(submit.disabled).toBe(true)
    await user.click(within(item(Q4.id)).getByRole('button', { name: `Remove ${Q4.id} from this batch` }))
    expect(screen.getAllByTestId('batch-item')).toHaveLength(1)
    await waitFor(() => expect(submit.disabled).toBe(false))
    expect(submit.textContent).toBe('Download 1 model')
  })

  it('reports a failure of one model beside the other’s success, and keeps it selected', async () => {
    setup({ failImport: [Q4.id] })
    const user = userEvent.setup()
    const dialog = await openBatch(user)
    const submit = within(dialog).getByTestId('batch-import-submit') as HTMLButtonElement
    await waitFor(() => expect(submit.disabled).toBe(false))
    await user.click(submit)
    const results = await within(dialog).findAllByTestId('batch-import-result')
    expect(results.map((r) => r.getAttribute('data-status'))).toEqual(['created', 'failed'])
    expect(results[0].textContent).toContain('Started as qwen-qwen2-5-vl-7b-instruct.')
    expect(results[1].textContent).toContain('Not started: Nebula could not do this.')
    expect(within(dialog).getByText('1 started, 1 not started')).toBeTruthy()
    await user.click(within(dialog).getByTestId('batch-import-done'))
    expect(screen.getByTestId('import-selection-bar').textContent).toContain('1 model selected for download')
  })

  it('is offered to operators only: a viewer selects nothing', async () => {
    setup()
    renderApp({ path: '/model-catalog?hub_q=qwen', lang: 'en', role: 'viewer' })
    await screen.findAllByTestId('search-result')
    expect(screen.queryByTestId('select-result')).toBeNull()
  })
})
