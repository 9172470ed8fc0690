// Browser test of the core flow, against the real service, the simulator and the stubbed hubs: an operator searches
// Hugging Face, presses Download on a model the cluster does not hold, checks the pre-flight, submits (twice, by
// accident), lands on block A with the new row highlighted, and follows it through its download to running while
// the simulator's clock moves; then an admin deletes it and the same hub model imports again. The screenshots of each step are the README's series (docs/screenshots/import-*.png).
// Run: BASE_URL=http://127.0.0.1:8080/ SIM_URL=http://127.0.0.1:18090 node e2e/import.mjs
import {
  BASE_URL, RESULTS_DIR, SIM_URL, abort, advanceSimTime, assert, assertEqual, createRunner, expectPath, expectVisible,
  launchOrAbort, operatorSearchesQwen, refreshBlock, signIn, signOut, sim, unexpectedErrors, url,
} from './lib.mjs'

// In the stubbed "qwen" results and in no node's cache (17 GB in the simulator: a download that takes a while)
const MODEL = 'Qwen/Qwen3-8B'

const t = createRunner()
console.log(`import e2e against ${BASE_URL} (simulator ${SIM_URL || 'unknown'})`)
if (!SIM_URL) abort('SIM_URL is required')
const session = await launchOrAbort({ locale: 'en-US' })
const { page, pageErrors } = session
let uid = ''

/** The simulator's record of create calls for MODEL (what Nebula received). */
async function createsOfModel() {
  const requests = await sim('/_sim/requests?path=/api/v2/models')
  return requests.filter((r) => r.method === 'POST' && r.path === '/api/v2/models' && (r.body ?? '').includes(`"${MODEL}"`))
}

/** Block A alone: the README's series shows what changes there. */
async function blockShot(name) {
  // from the top of the page the whole block is in view below the sticky header (a scrolled-to block sits under it)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.getByTestId('downloaded-models').screenshot({ path: `${RESULTS_DIR}${name}.png` })
}

const highlighted = () => page.locator('[data-testid="model-row"][data-highlighted="true"]')

const refreshBlockA = () => refreshBlock(page)

/** The highlighted row's download bar value (0–100), or null when it has none. */
async function progressValue() {
  const bar = highlighted().getByRole('progressbar').first()
  if ((await bar.count()) === 0) return null
  return Number(await bar.getAttribute('aria-valuenow'))
}

await t.test('an operator searches Hugging Face and opens Download on a model the cluster lacks', async () => {
  await operatorSearchesQwen(page)
  const result = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  await expectVisible(result, `${MODEL} in the results`)
  await result.locator('[data-testid="download-button"]:not([aria-disabled])').click()
  const dialog = page.getByTestId('import-dialog')
  await expectVisible(dialog, 'import dialog')
  uid = await dialog.getByTestId('uid-input').inputValue()
  assert(/^qwen-qwen3-8b(-[a-z0-9]+)?$/.test(uid), `uid generated from the model id, got ${uid}`)
  // the pre-flight answers with the hub's current revision and the exact size before anything can be submitted
  await expectVisible(dialog.getByTestId('preflight').getByText('b968826d9c46'), 'revision in the pre-flight')
  const submit = dialog.getByTestId('import-submit')
  await submit.waitFor({ state: 'visible' })
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-submit"]')?.hasAttribute('disabled'))
  const panel = await dialog.getByTestId('preflight').innerText()
  assert(/16\.\d GB/.test(panel), `the hub's exact total (16.x GB) in the pre-flight, got: ${panel}`)
  await page.waitForTimeout(200)
  await page.screenshot({ path: `${RESULTS_DIR}import-1-dialog-en.png` }) // the viewport: the dialog is fixed
})

await t.test('submitting twice creates the model once, and block A shows the new row highlighted', async () => {
  const before = (await createsOfModel()).length
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/import' && r.request().method() === 'POST')
  await page.getByTestId('import-submit').dblclick()
  assertEqual((await created).status(), 201, 'import status')
  await expectVisible(page.getByTestId('toaster').getByText(`Download of ${MODEL} started as ${uid}.`), 'the toast')
  await page.getByTestId('import-dialog').waitFor({ state: 'detached' })
  assertEqual(new URL(page.url()).searchParams.get('highlight'), uid, 'the highlight in the address')
  await expectVisible(page.getByTestId('highlight-notice'), 'the "just imported" notice')
  await expectVisible(highlighted().filter({ hasText: uid }), 'the highlighted row')
  await page.waitForTimeout(500)
  assertEqual((await createsOfModel()).length - before, 1, 'create calls Nebula received for the model')
  const body = JSON.parse((await createsOfModel()).at(-1).body)
  assertEqual(body.model_source, 'hugging_face', 'model_source spelling sent to Nebula')
  assertEqual(body.model_uid, uid, 'model_uid sent to Nebula')
  await blockShot('import-2-highlighted-en')
})

await t.test('the download progress moves while simulated time passes', async () => {
  await advanceSimTime(1) // the scheduler places the replica
  await advanceSimTime(9) // a few progress records
  await refreshBlockA()
  await expectVisible(highlighted().getByText('Downloading'), 'state Downloading')
  const first = await progressValue()
  assert(first != null && first > 0 && first < 100, `a partial download, got ${first}`)
  await blockShot('import-3-downloading-en')
  await advanceSimTime(30)
  await refreshBlockA()
  const second = await progressValue()
  assert(second != null && second > first, `progress went from ${first} to ${second}`)
})

await t.test('the download completes and the model turns running', async () => {
  await advanceSimTime(120)
  await refreshBlockA()
  await advanceSimTime(30) // engine start after the files are ready
  await refreshBlockA()
  await expectVisible(highlighted().getByText('Running'), 'state Running')
  assertEqual(await progressValue(), null, 'progress bar once running')
  await blockShot('import-4-running-en')
})

await t.test('"Show all models" leaves the highlight and lists the whole cluster again', async () => {
  await page.getByRole('button', { name: 'Show all models' }).click()
  await page.waitForFunction(() => !new URL(location.href).searchParams.has('highlight'))
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="model-row"]').length > 1)
  assertEqual(await highlighted().count(), 0, 'highlighted rows')
})

await t.test('an admin deletes the imported model, and the same hub model imports again', async () => {
  await signOut(page)
  await page.goto(url('/model-catalog'))
  await expectPath(page, '/sign-in')
  await signIn(page, 'admin')
  const row = () => page.getByTestId('model-row').filter({ hasText: uid })
  await page.getByLabel('Search models').fill(uid)
  await page.waitForTimeout(800)
  await refreshBlockA()
  await row().getByRole('button', { name: /^Delete / }).click()
  const del = page.getByTestId('delete-dialog')
  await expectVisible(del.getByTestId('delete-impact'), 'delete impact')
  await del.getByRole('textbox').fill(uid)
  await del.getByRole('button', { name: 'Delete model' }).click()
  await del.waitFor({ state: 'detached' })
  await refreshBlockA()
  assertEqual(await row().count(), 0, 'rows of the deleted model')

  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === 'qwen')
  await page.getByTestId('search-input').fill('qwen')
  assertEqual((await answered).status(), 200, 'search status')
  await page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"] [data-testid="download-button"]:not([aria-disabled])`).click()
  const dialog = page.getByTestId('import-dialog')
  await expectVisible(dialog, 'import dialog')
  assertEqual(await dialog.getByTestId('uid-input').inputValue(), uid, 'the freed uid is suggested again')
  // the pre-flight finds nothing blocking, and what it lets through is not refused on submit
  await page.waitForFunction(() => !document.querySelector('[data-testid="import-submit"]')?.hasAttribute('disabled'))
  const created = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/import' && r.request().method() === 'POST')
  await dialog.getByTestId('import-submit').click()
  assertEqual((await created).status(), 201, 're-import status')
  await expectVisible(highlighted().filter({ hasText: uid }), 'the re-imported row, highlighted')
})

await t.test('no uncaught errors in the page', async () => {
  // after the delete, reads of the deleted model answer 404 by design
  const errors = unexpectedErrors(pageErrors, [404])
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
