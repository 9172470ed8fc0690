// Browser test: the Chinese page speaks Chinese wherever the server has something to say (issue #17). Signed in as
// admin with the page in Chinese, it reads the texts a failure, a delete, a pre-flight, a hub error, the nodes view,
// the stop and cancel questions and both batch dialogs (with the GPU fit) put on screen
// and finds no English sentence and no raw code in them (model names, uids, paths and hosts excepted: they are
// identifiers, shown in monospace). Uses the simulator's demo scenario (a failed download, a model with copies on a
// dead node) and the stubbed hubs; changes nothing in the cluster.
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/i18n.mjs
import { BASE_URL, RESULTS_DIR, assert, createRunner, expectPath, expectVisible, launchOrAbort, screenshot, signIn, unexpectedErrors, url } from './lib.mjs'

const t = createRunner()
console.log(`i18n e2e against ${BASE_URL}`)
const session = await launchOrAbort({ locale: 'zh-CN' })
const { page, pageErrors } = session

/**
 * The visible text of `locator` without identifiers (monospace: uids, paths, hosts, request ids; model names in
 * `[data-identifier]`), then checked: no three English words in a row, no snake_case code, no exception name.
 */
async function checkChinese(locator, what) {
  const text = await locator.evaluate((root) => {
    const clone = root.cloneNode(true)
    clone.querySelectorAll('code, .font-mono, [data-identifier], [hidden], .sr-only').forEach((el) => el.remove())
    return clone.textContent.replace(/\s+/g, ' ').trim()
  })
  // model names such as Qwen/Qwen2.5-7B-Instruct or meta-llama/Llama-3.1-8B-Instruct stay as they are
  const words = text.replace(/[\w.-]+\/[\w.-]+/g, ' ')
  const english = words.match(/\b[A-Za-z]{2,}(?:[\s,'’]+[A-Za-z]{2,}){2,}\b/)
  const code = words.match(/\b[a-z]+_[a-z_]+\b/)
  const exception = words.match(/\b\w+(Exception|Error)\b/)
  assert(!english, `${what} has an English sentence "${english?.[0]}": ${text}`)
  assert(!code, `${what} has a raw code "${code?.[0]}": ${text}`)
  assert(!exception, `${what} names an exception "${exception?.[0]}": ${text}`)
  assert(/[\u4e00-\u9fff]/.test(text), `${what} has no Chinese at all: ${text}`)
  return text
}

await t.test('admin signs in with the page in Chinese', async () => {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await page.evaluate(() => localStorage.setItem('nebula-catalog.lang', 'zh'))
  await page.reload()
  await signIn(page, 'admin')
  await expectPath(page, '/model-catalog')
  await expectVisible(page.getByRole('heading', { level: 1, name: '模型目录' }), 'zh title')
  await expectVisible(page.getByTestId('model-row'), 'rows')
})

await t.test('a failed row says why in Chinese', async () => {
  const failed = page.locator('[data-testid="model-row"][data-state="failed"]').first()
  await expectVisible(failed, 'a failed row (the demo DeepSeek download)')
  await checkChinese(failed.getByTestId('row-error'), 'the failure reason')
  await checkChinese(failed.locator('[data-state]').first(), 'the state')
})

await t.test('the delete dialog (impact, notes, paths) is Chinese', async () => {
  const row = page.getByTestId('model-row').filter({ hasText: 'qwen-qwen2-5-7b-instruct' })
  await row.getByRole('button', { name: /^删除 / }).click()
  const dialog = page.getByTestId('delete-dialog')
  await expectVisible(dialog.getByTestId('delete-impact'), 'delete impact')
  await expectVisible(dialog.getByTestId('delete-paths'), 'the directories Nebula deletes')
  await checkChinese(dialog, 'the delete dialog')
  await screenshot(page, 'i18n-delete-zh')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
})

await t.test('the details sheet of a cache-only row shows its path, in Chinese', async () => {
  await page.locator('#models-state').selectOption('cached')
  const row = page.locator('[data-testid="model-row"][data-state="cached"]').first()
  await expectVisible(row, 'a cache-only row')
  await row.getByRole('button', { name: /的详情$/ }).click()
  const sheet = page.getByTestId('model-details')
  await expectVisible(sheet.getByTestId('copy-path'), 'the directory of the cached copy')
  await checkChinese(sheet, 'the details sheet')
  await page.keyboard.press('Escape')
  await page.locator('#models-state').selectOption('')
})

await t.test('the pre-flight of a model the cluster holds is Chinese, and says so first', async () => {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/search')
  await page.getByTestId('search-input').fill('qwen')
  await answered
  const result = page.locator('[data-testid="search-result"][data-model-id="Qwen/Qwen2.5-7B-Instruct"]')
  await expectVisible(result.getByTestId('in-cluster-badge'), 'the in-cluster badge')
  await result.getByTestId('download-button').click()
  const dialog = page.getByTestId('import-dialog')
  await expectVisible(dialog.getByTestId('already-in-cluster'), '"already in the cluster"')
  await expectVisible(dialog.locator('[data-testid="preflight-ready"], [data-testid="preflight-blocking"]'), 'the pre-flight result')
  await checkChinese(dialog.getByTestId('preflight'), 'the pre-flight')
  await checkChinese(dialog.getByTestId('already-in-cluster'), 'the already-in-cluster notice')
  await screenshot(page, 'i18n-preflight-zh')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
})

await t.test('a hub error is Chinese', async () => {
  // the stubbed hub knows no model by this name: its answer is an error the page words itself
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname.startsWith('/api/v2/catalog/search/'))
  await page.goto(url('/model-catalog?hub_q=qwen'))
  const result = page.locator('[data-testid="search-result"]').first()
  await expectVisible(result, 'results')
  // metadata of a model the stubs do not have: the hub answers no
  const other = page.locator('[data-testid="search-result"]:not([data-model-id="Qwen/Qwen2.5-7B-Instruct"])').first()
  await other.getByRole('button', { name: /的详情$/ }).click()
  await answered
  const drawer = page.getByTestId('metadata-drawer')
  const box = drawer.locator('[role="alert"]')
  await expectVisible(box, 'the hub error in the drawer')
  await checkChinese(box, 'the hub error')
  await page.keyboard.press('Escape')
})

await t.test('the nodes view is Chinese: totals, GPUs, disks, alerts, copies and why they stay', async () => {
  await page.goto(url('/model-catalog?view=nodes'))
  const block = page.getByTestId('nodes')
  await expectVisible(block.getByTestId('copy-row'), 'cached copies')
  await expectVisible(block.locator('[data-testid="alert"][data-active="false"]'), 'a stale alert (gpu-node-01)')
  await checkChinese(block, 'the nodes view')
  await screenshot(page, 'i18n-nodes-zh')
})

await t.test('the stop and cancel questions say in Chinese what Nebula keeps', async () => {
  await page.goto(url('/model-catalog'))
  for (const action of ['stop', 'cancel_download']) {
    await page.locator(`[data-testid="model-row"] [data-action="${action}"]`).first().click()
    const dialog = page.getByTestId('lifecycle-dialog')
    await expectVisible(dialog.getByTestId('files-kept'), `the ${action} question`)
    const text = await checkChinese(dialog, `the ${action} question`)
    assert(text.includes('在模型被删除之前'), `says the files stay until the model is deleted: ${text}`)
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
  }
})

await t.test("the batch delete dialog is Chinese (the phrase to type is the server's, as written)", async () => {
  const boxes = page.getByTestId('select-row')
  await boxes.nth(0).check()
  await boxes.nth(1).check()
  await page.getByTestId('batch-delete-open').click()
  const dialog = page.getByTestId('batch-delete-dialog')
  await expectVisible(dialog.getByTestId('delete-paths'), 'the combined impact')
  await checkChinese(dialog, 'the batch delete dialog')
  await screenshot(page, 'i18n-batch-delete-zh')
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'detached' })
  await page.getByTestId('selection-bar').getByRole('button', { name: '清除选择' }).click()
})

await t.test("the batch import dialog, with each model's GPU fit, is Chinese", async () => {
  await page.goto(url('/model-catalog?hub_q=qwen'))
  const boxes = page.getByTestId('select-result')
  await boxes.nth(2).check()
  await boxes.nth(3).check()
  await page.getByTestId('batch-import-open').click()
  const dialog = page.getByTestId('batch-import-dialog')
  await expectVisible(dialog.getByTestId('batch-item').nth(1).getByTestId('fit'), 'the fits')
  await dialog.getByTestId('batch-item').first().locator('details > summary').click()
  await expectVisible(dialog.getByTestId('fit-nodes').first(), 'the fit per node')
  await checkChinese(dialog, 'the batch import dialog')
  // the dialog as it is seen (it is fixed), tall enough for both models
  await page.setViewportSize({ width: 1280, height: 1500 })
  await page.screenshot({ path: `${RESULTS_DIR}i18n-batch-import-zh.png` })
  await page.setViewportSize({ width: 1280, height: 900 })
  await page.keyboard.press('Escape')
})

await t.test('no unexpected errors in the page', async () => {
  const errors = unexpectedErrors(pageErrors, [404, 502])
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
