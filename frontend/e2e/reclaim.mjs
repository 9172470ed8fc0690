// Browser test of the cache manager against the real service and simulator: an operator cancels a download (the
// dialog says Nebula keeps the partial files), starts it again and cancels it once more, and stops a running model;
// then an admin opens Nodes and disk, sorts the copies by last used, finds both models' copies safe to reclaim, selects
// them and deletes both in one batch with one typed confirmation — the results say so per model, and the copies go.
// Two models of its own (unique names), so it depends on no other flow and leaves the demo cluster as it found it.
// Run: BASE_URL=http://127.0.0.1:8080/ SIM_URL=http://127.0.0.1:18090 node e2e/reclaim.mjs
import {
  BASE_URL, RESULTS_DIR, SIM_URL, abort, advanceSimTime as advance, assert, assertEqual, createRunner, expectVisible, launchOrAbort, signIn,
  refreshBlock, signOut, sim, unexpectedErrors, url,
} from './lib.mjs'

const t = createRunner()
console.log(`reclaim e2e against ${BASE_URL} (simulator ${SIM_URL || 'unknown'})`)
if (!SIM_URL) abort('SIM_URL is required')
const session = await launchOrAbort({ viewport: { width: 1440, height: 900 } })
const { page, pageErrors } = session
// letters only: a digit before "b" would read as a parameter count in the simulator's size rule
const stamp = Date.now().toString(36).replace(/\d/g, (d) => 'qrstuvwxyz'[d])
const NODE = 'gpu-node-02'
// 0.5B: 1.07 GB, downloaded in about 5 simulated seconds; 14B: 30 GB, two and a half minutes (simulated time also runs
// with the real clock: B must still be downloading however slow the machine)
const A = { uid: `e2e-reclaim-a-${stamp}`, name: `e2e-org/Reclaim-A-${stamp}-0.5B` }
const B = { uid: `e2e-reclaim-b-${stamp}`, name: `e2e-org/Reclaim-B-${stamp}-14B` }

const row = (m) => page.getByTestId('model-row').filter({ hasText: m.uid })
const copy = (m) => page.locator(`[data-testid="node-card"][data-node="${NODE}"] [data-testid="copy-row"][data-model="${m.name}"]`)

const refresh = (block) => refreshBlock(page, block)

/** Presses a lifecycle button of the model's row and confirms in the dialog; returns the dialog's text. */
async function confirmAction(model, action, label) {
  await row(model).locator(`[data-action="${action}"]`).click()
  const dialog = page.getByTestId('lifecycle-dialog')
  await expectVisible(dialog, `the ${action} dialog`)
  const text = await dialog.innerText()
  await page.screenshot({ path: `${RESULTS_DIR}reclaim-${action}-dialog-en.png` })
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v2/catalog/models/${model.uid}/stop`)
  await dialog.getByRole('button', { name: label }).click()
  assertEqual((await sent).status(), 200, `${action} status`)
  await dialog.waitFor({ state: 'detached' })
  return text
}

await t.test('two new models on one node: one runs, the other downloads', async () => {
  const { token } = await sim('/api/auth/login', { username: 'admin', password: 'admin123' })
  for (const m of [A, B]) {
    await sim('/api/v2/models', { model_name: m.name, model_uid: m.uid, model_source: 'hugging_face', auto_start: true, node_id: NODE }, token)
  }
  await advance(6) // A's files are there; B has about a fifth of its
  await advance(16) // A's engine is ready
  await page.goto(url(`/sign-in?next=${encodeURIComponent(`/model-catalog?q=${stamp}`)}`))
  await signIn(page, 'operator')
  await expectVisible(row(A).getByText('Running'), 'A running')
  await expectVisible(row(B).getByText('Downloading'), 'B downloading')
})

await t.test('an operator cancels a download: the dialog says Nebula keeps the partial files until the model is deleted', async () => {
  const text = await confirmAction(B, 'cancel_download', 'Cancel download')
  assert(text.includes('keeps the partial files on the nodes until the model is deleted'), `the dialog says the partial files stay:\n${text}`)
  assert(/GB downloaded so far, on gpu-node-02/.test(text), `the dialog says how much and where:\n${text}`)
  await expectVisible(page.getByTestId('toast').filter({ hasText: `The download of ${B.uid} is cancelled.` }), 'the toast')
  // the Cancel button went with the state: focus stays in the row, on the model's name
  assert(await row(B).getByRole('button', { name: /^Details of / }).evaluate((el) => el === document.activeElement), 'focus on the row after the cancel')
  await advance(6)
  await refresh()
  await expectVisible(row(B).getByText('Stopped'), 'B stopped')
})

await t.test('the operator starts it again (the download goes on), and cancels it once more', async () => {
  const sent = page.waitForResponse((r) => new URL(r.url()).pathname === `/api/v2/catalog/models/${B.uid}/start`)
  await row(B).locator('[data-action="start"]').click()
  assertEqual((await sent).status(), 200, 'start status')
  await expectVisible(page.getByTestId('toast').filter({ hasText: `${B.uid} is starting.` }), 'the start toast')
  await advance(3)
  await refresh()
  await expectVisible(row(B).getByText('Downloading'), 'B downloading again')
  await confirmAction(B, 'cancel_download', 'Cancel download')
})

await t.test('the operator stops the running model; Nebula keeps its files', async () => {
  const text = await confirmAction(A, 'stop', 'Stop model')
  assert(text.includes('keeps the model and its files on the nodes until the model is deleted'), `the dialog says the files stay:\n${text}`)
  await expectVisible(page.getByTestId('toast').filter({ hasText: `${A.uid} is stopping.` }), 'the stop toast')
  await advance(70) // engines gone, and the node's next scan publishes both copies
  await refresh()
  await expectVisible(row(A).getByText('Stopped'), 'A stopped')
  await expectVisible(row(A).locator('[data-action="start"]'), 'Start offered for A')
  await signOut(page)
})

await t.test('an admin sorts the copies by last used: both new copies are safe to reclaim', async () => {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'admin')
  await page.getByRole('tab', { name: 'Nodes and disk' }).click()
  await page.waitForURL((u) => u.searchParams.get('view') === 'nodes')
  const card = page.locator(`[data-testid="node-card"][data-node="${NODE}"]`)
  await expectVisible(card, NODE)
  // by size first, then by last used again (the default: never seen serving first, then the longest unused)
  await card.getByTestId('copy-sort-size').click()
  await page.waitForURL((u) => u.searchParams.get('copy_sort') === 'size')
  await card.getByTestId('copy-sort-last_used').click()
  await page.waitForURL((u) => !u.searchParams.has('copy_sort'))
  await refresh('nodes') // the copies as the cluster has them now, sorted by last used
  assertEqual(await card.locator('th', { has: page.getByTestId('copy-sort-last_used') }).getAttribute('aria-sort'), 'ascending', 'Last used header')
  const used = await card.getByTestId('copy-row').evaluateAll((rows) => rows.map((r) => r.querySelector('time')?.getAttribute('datetime') ?? null))
  const firstSeen = used.findIndex((u) => u != null)
  assert(firstSeen === -1 || used.slice(firstSeen).every((u) => u != null), `never-seen copies first: ${used.join(', ')}`)
  const times = used.filter(Boolean).map((u) => Date.parse(u))
  assert(times.every((v, i) => i === 0 || times[i - 1] <= v), `the longest unused first: ${used.join(', ')}`)
  for (const m of [A, B]) {
    await expectVisible(copy(m), `${m.name}'s copy on ${NODE}`)
    assertEqual(await copy(m).getAttribute('data-safe'), 'true', `${m.uid} safe to reclaim`)
    assert((await copy(m).getByTestId('reclaim').innerText()).includes(`Delete the model ${m.uid}`), `how to reclaim ${m.uid}`)
  }
  // the README's picture: the top of the view (cluster totals, the first node)
  await page.evaluate(() => window.scrollTo(0, document.getElementById('nodes-heading').getBoundingClientRect().top + window.scrollY - 72))
  await page.screenshot({ path: `${RESULTS_DIR}readme-nodes-en.png` })
})

await t.test('the admin selects both models and deletes them in one batch, with one typed confirmation', async () => {
  for (const m of [A, B]) await copy(m).getByTestId('select-copy').check()
  const bar = page.getByTestId('nodes-selection-bar')
  await expectVisible(bar.getByText('2 models selected'), 'the selection bar')
  // the README's picture in Chinese and the dark theme: the node with both copies selected, and the batch action
  await page.getByRole('button', { name: '中文' }).click()
  await page.getByTestId('theme-switch').click()
  await page.getByRole('menuitemradio', { name: '深色' }).click()
  await expectVisible(bar.getByText('已选择 2 个模型'), 'the selection bar in Chinese')
  await page.evaluate((node) => {
    const table = document.querySelector(`[data-node="${node}"] [data-testid="copies-table"]`)
    window.scrollTo(0, table.getBoundingClientRect().top + window.scrollY - 110)
  }, NODE)
  await page.screenshot({ path: `${RESULTS_DIR}readme-nodes-selected-dark-zh.png` })
  await page.getByTestId('theme-switch').click()
  await page.getByRole('menuitemradio', { name: '跟随系统' }).click()
  await page.getByRole('button', { name: 'EN English' }).click()
  await bar.getByTestId('batch-delete-open').click()
  const dialog = page.getByTestId('batch-delete-dialog')
  await expectVisible(dialog.getByTestId('delete-impact'), 'the combined impact')
  const models = await dialog.getByTestId('batch-delete-models').innerText()
  assert(models.includes(A.uid) && models.includes(B.uid), `both models in the impact: ${models}`)
  const paths = await dialog.getByTestId('delete-paths').innerText()
  for (const m of [A, B]) assert(paths.includes(`models--e2e-org--${m.name.split('/')[1]}`), `${m.uid}'s directory in the impact:\n${paths}`)
  assertEqual(await dialog.getByTestId('delete-running').innerText(), '0', 'replicas stopped')
  assert(/\d GB/.test(await dialog.getByTestId('delete-freed').innerText()), 'bytes freed')
  const phrase = await dialog.getByTestId('confirmation-phrase').innerText()
  assertEqual(phrase, 'delete 2 models', 'the phrase')
  const confirm = dialog.getByTestId('batch-delete-confirm')
  assert(await confirm.isDisabled(), 'confirm waits for the phrase')
  await dialog.getByTestId('confirmation-input').fill(phrase)
  await page.screenshot({ path: `${RESULTS_DIR}reclaim-batch-dialog-en.png` })
  const deleted = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/model-deletions' && r.request().method() === 'POST')
  await confirm.click()
  assertEqual((await deleted).status(), 200, 'batch delete status')
  const results = dialog.getByTestId('batch-delete-result')
  await expectVisible(results.first(), 'the results')
  assertEqual(await dialog.locator('[data-testid="batch-delete-result"][data-status="deleted"]').count(), 2, 'models deleted')
  await page.screenshot({ path: `${RESULTS_DIR}reclaim-batch-results-en.png` })
  await dialog.getByTestId('batch-delete-done').click()
  await dialog.waitFor({ state: 'detached' })
  // the bar that opened the dialog went with the selection: focus is on the notice that says what happened
  const notice = page.locator('#nodes-notice')
  await expectVisible(notice, 'the notice')
  assert((await notice.innerText()).includes('2 models deleted'), `notice: ${await notice.innerText()}`)
  assert(await notice.evaluate((el) => el === document.activeElement), 'focus on the notice')
})

await t.test("the copies go at the node's next scan", async () => {
  await advance(70)
  await refresh('nodes')
  for (const m of [A, B]) assertEqual(await copy(m).count(), 0, `${m.uid}'s copy after the scan`)
})

await t.test('no uncaught errors in the page', async () => {
  const errors = unexpectedErrors(pageErrors, [404])
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
