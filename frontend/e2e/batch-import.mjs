// Browser test of a batch import against the real service, the simulator and the stubbed hubs: an operator searches
// Hugging Face, selects two models on two result pages, opens one dialog for both, sees each one's pre-flight and GPU
// fit (verdict, per node, what is sent to Nebula), overrides one fit's tensor-parallel size, and starts both at once;
// Nebula receives each with its own ModelConfig, the results say so per model, and block A shows one of them. The two
// models are deleted again at the end (through the API), so the cluster is as the flow found it.
// Run: BASE_URL=http://127.0.0.1:8080/ SIM_URL=http://127.0.0.1:18090 node e2e/batch-import.mjs
import {
  BASE_URL, RESULTS_DIR, SIM_URL, abort, advanceSimTime, apiLogin, assert, assertEqual, createRunner, expectVisible, launchOrAbort,
  operatorSearchesQwen, sim, unexpectedErrors, url,
} from './lib.mjs'

// one on each page of the stubbed "qwen" results, in no node's cache, and imported by no other flow
const VL = 'Qwen/Qwen2.5-VL-7B-Instruct'
const Q4 = 'Qwen/Qwen3-4B'

const t = createRunner()
console.log(`batch import e2e against ${BASE_URL} (simulator ${SIM_URL || 'unknown'})`)
if (!SIM_URL) abort('SIM_URL is required')
const session = await launchOrAbort({ viewport: { width: 1280, height: 900 } })
const { page, pageErrors } = session
const imported = []
const result = (id) => page.locator(`[data-testid="search-result"][data-model-id="${id}"]`)
const item = (id) => page.locator(`[data-testid="batch-item"][data-model-id="${id}"]`)

/** Create calls Nebula received for a hub model, newest last. */
async function createsOf(model) {
  const requests = await sim('/_sim/requests?path=/api/v2/models')
  return requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/models' && (r.body ?? '').includes(`"${model}"`))
}

await t.test('an operator selects two search results on two pages', async () => {
  await operatorSearchesQwen(page)
  await result(VL).getByTestId('select-result').check()
  await page.getByTestId('pager').getByRole('button', { name: 'Next' }).click()
  await result(Q4).getByTestId('select-result').check()
  const bar = page.getByTestId('import-selection-bar')
  await expectVisible(bar.getByText('2 models selected for download'), 'the selection, across pages')
})

await t.test('one dialog shows each model with its own uid, pre-flight and GPU fit', async () => {
  await page.getByTestId('batch-import-open').click()
  const dialog = page.getByTestId('batch-import-dialog')
  await expectVisible(dialog, 'the batch dialog')
  for (const id of [VL, Q4]) {
    await expectVisible(item(id).getByTestId('fit'), `${id}'s fit`)
    const uid = await item(id).getByTestId('batch-uid').inputValue()
    assertEqual(uid, `qwen-${id.split('/')[1].toLowerCase().replace(/[^a-z0-9]+/g, '-')}`, `${id}'s suggested uid`)
    const facts = await item(id).getByTestId('batch-item-facts').innerText()
    assert(/Revision [0-9a-f]{12}/.test(facts) && /Size \d+(\.\d)? GB/.test(facts), `${id}: revision and exact size, got ${facts}`)
    const verdict = await item(id).getByTestId('fit-verdict-text').innerText()
    assert(/^Fits on one GPU of \d nodes?: gpu-node-0/.test(verdict), `${id}: a fit verdict naming nodes, got ${verdict}`)
    assert(/Sent to Nebula: [\d.]+ GiB free on one GPU/.test(await item(id).getByTestId('fit-sends').innerText()), `${id}: what is sent`)
  }
  // where the estimate comes from, and each node's own verdict
  await item(VL).getByText('Per node, and where the estimate comes from').click()
  const estimate = await item(VL).getByTestId('fit-estimate').innerText()
  assert(estimate.includes('5 files of 16.6 GB, exact sizes from the hub') && estimate.includes('An estimate: 20 %'), `the estimate's source: ${estimate}`)
  await expectVisible(item(VL).locator('[data-testid="fit-nodes"] [data-node="gpu-node-02"]'), 'gpu-node-02 in the per-node fit')
  // the README's picture: tall enough for both models
  await page.setViewportSize({ width: 1280, height: 1500 })
  await page.screenshot({ path: `${RESULTS_DIR}batch-import-dialog-en.png` })
  await page.setViewportSize({ width: 1280, height: 900 })
})

await t.test("the operator overrides one model's tensor-parallel size; the pre-flight says what is sent now", async () => {
  await item(Q4).getByTestId('fit-override').click()
  await item(Q4).getByTestId('fit-tp').fill('2')
  await expectVisible(item(Q4).getByTestId('fit-sends').getByText('your values'), 'the override marked')
  await expectVisible(item(Q4).getByTestId('fit-sends').getByText(/free on each of 2 GPUs/), 'two GPUs sent')
})

await t.test('both start in one submission; Nebula gets each with its own ModelConfig', async () => {
  const submit = page.getByTestId('batch-import-submit')
  await page.waitForFunction(() => !document.querySelector('[data-testid="batch-import-submit"]')?.hasAttribute('disabled'))
  const started = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/import/batch')
  await submit.click()
  const answer = await (await started).json()
  assertEqual(answer.created, 2, 'models started')
  imported.push(...answer.items.map((i) => i.result.model_uid))
  const results = page.getByTestId('batch-import-result')
  await expectVisible(results.first(), 'the results')
  assertEqual(await page.locator('[data-testid="batch-import-result"][data-status="created"]').count(), 2, 'created per model')
  await expectVisible(page.getByTestId('toast').filter({ hasText: '2 downloads started.' }), 'the toast')
  await page.screenshot({ path: `${RESULTS_DIR}batch-import-results-en.png` })
  const vl = JSON.parse((await createsOf(VL)).at(-1).body)
  assert(vl.config?.required_vram_mb > 0 && vl.config.tensor_parallel_size == null, `${VL}'s config: ${JSON.stringify(vl.config)}`)
  const q4 = JSON.parse((await createsOf(Q4)).at(-1).body)
  assertEqual(q4.config?.tensor_parallel_size, 2, `${Q4}'s tensor_parallel_size`)
})

await t.test('"Show in Downloaded models" leads to the new model in block A', async () => {
  const uid = imported[0]
  await page.getByRole('button', { name: `Show in Downloaded models: ${uid}` }).click()
  await page.getByTestId('batch-import-dialog').waitFor({ state: 'detached' })
  await expectVisible(page.locator('[data-testid="model-row"][data-highlighted="true"]').filter({ hasText: uid }), 'the highlighted row')
  assert(await page.locator('#models-highlight-notice').evaluate((el) => el === document.activeElement), 'focus on the notice')
})

await t.test('cleanup: both models deleted again (one batch through the API)', async () => {
  const token = await apiLogin('admin')
  const response = await fetch(url('/api/v2/catalog/model-deletions'), {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ model_uids: imported, confirmation: `delete ${imported.length} models` }),
  })
  assertEqual(response.status, 200, 'batch delete status')
  assertEqual((await response.json()).deleted, imported.length, 'deleted')
  await advanceSimTime(70) // the nodes' garbage collection removes their files
})

await t.test('no uncaught errors in the page', async () => {
  const errors = unexpectedErrors(pageErrors)
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
