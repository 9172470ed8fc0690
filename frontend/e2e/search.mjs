// Browser test of block B (hub search) and the import dialog against a running service whose hubs are stubbed
// (the test service's WireMock stubs answer q=qwen on both hubs, with a second Hugging Face page, and the
// Qwen/Qwen2.5-7B-Instruct metadata).
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/search.mjs   (CHROMIUM=/path/to/chromium to override)
import { BASE_URL, DESKTOP, NARROW, RESULTS_DIR, assert, assertEqual, createRunner, expectPath, expectVisible, fitsViewportWidth, launchOrAbort, screenshot, signIn, signOut, url, warmUpHubs } from './lib.mjs'

const MODEL = 'Qwen/Qwen2.5-7B-Instruct'

const t = createRunner()
console.log(`search e2e against ${BASE_URL}`)

/** Model Catalog needs a user: opening it signed out goes to /sign-in, which comes back after signing in as `role`. */
async function signInToCatalog(page, role) {
  await page.goto(url('/model-catalog'))
  await expectPath(page, '/sign-in')
  assertEqual(await signIn(page, role), '/model-catalog', `back on Model Catalog after signing in as ${role}`)
  await expectVisible(page.getByTestId('search-input'), 'search box')
}

async function openCatalog(page) {
  await page.goto(url('/model-catalog'))
  await expectVisible(page.getByTestId('search-input'), 'search box')
}

async function searchFor(page, text) {
  const answered = page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v2/catalog/search' && u.searchParams.get('q') === text
  })
  await page.getByTestId('search-input').fill(text)
  const response = await answered
  assertEqual(response.status(), 200, `search status for "${text}"`)
  await expectVisible(page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`), `${MODEL} in the results`)
}

/** The visible label of a provider radio (the input itself is visually hidden). */
const hubLabel = (page, name) => page.locator('label', { has: page.getByRole('radio', { name }) })

const session = await launchOrAbort({ locale: 'en-US' })
const { page, pageErrors } = session

await t.test('operator signs in and searches "qwen" on Hugging Face', async () => {
  await warmUpHubs()
  await signInToCatalog(page, 'operator')
  const hf = page.getByRole('radio', { name: 'Hugging Face' })
  assert(await hf.isChecked(), 'Hugging Face is the selected hub')
  await searchFor(page, 'qwen')
  const rows = await page.getByTestId('search-result').count()
  assert(rows >= 2, `several results, got ${rows}`)
  const row = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  const text = await row.innerText()
  assert(text.includes('Downloads (30-day)'), 'downloads are labelled 30-day on Hugging Face')
  assert(/\d+(\.\d)?B/.test(text), `parameter count like 7.6B, got: ${text}`)
  assert(/GB/.test(text), 'a size in GB')
  await expectVisible(row.locator('[data-testid="download-button"]:not([aria-disabled])'), 'Download enabled for an operator')
})

await t.test('pager: page 2 follows the hub cursor, page 1 comes back', async () => {
  const pager = page.getByTestId('pager')
  await expectVisible(pager, 'pager')
  const next = pager.getByRole('button', { name: /Next/ })
  assert(await next.isEnabled(), 'Next is enabled: the hub announced a second page')
  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('page') === '2')
  await next.click()
  const response = await answered
  assertEqual(response.status(), 200, 'page 2 status')
  assert(new URL(response.url()).searchParams.get('cursor'), 'page 2 is asked for with the next_cursor')
  await expectVisible(pager.locator('[aria-current="page"]', { hasText: '2' }), 'page 2 marked current')
  await expectVisible(page.locator('[data-testid="search-result"][data-model-id="Qwen/Qwen3-4B"]'), 'a page 2 result')
  assertEqual(await page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`).count(), 0, 'page 1 results on page 2')
  assert(!(await next.isEnabled()), 'Next is disabled on the last page')
  await screenshot(page, 'search-page2-desktop-en')
  await pager.getByRole('button', { name: 'Page 1' }).click()
  await expectVisible(pager.locator('[aria-current="page"]', { hasText: '1' }), 'back on page 1')
  await expectVisible(page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`), 'page 1 results again')
  await screenshot(page, 'search-desktop-en')
})

await t.test('metadata drawer shows revision, files and a plain-text summary', async () => {
  const row = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  await row.getByRole('button', { name: `Details of ${MODEL}` }).click()
  const drawer = page.getByTestId('metadata-drawer')
  await expectVisible(drawer.getByTestId('revision'), 'revision')
  const revision = await drawer.getByTestId('revision').innerText()
  assert(/^[0-9a-f]{7,12}$/.test(revision), `short revision sha, got ${revision}`)
  const files = await drawer.getByTestId('metadata-files').locator('tbody tr').count()
  assert(files >= 3, `file list, got ${files} rows`)
  const link = drawer.getByTestId('hub-link')
  assertEqual(await link.getAttribute('target'), '_blank', 'hub link target')
  const summary = drawer.getByTestId('metadata-summary')
  if (await summary.count()) {
    assertEqual(await summary.locator('*').count(), 0, 'elements inside the summary')
  }
  await page.keyboard.press('Escape')
  await drawer.waitFor({ state: 'detached' })
})

await t.test('Download opens the import dialog with a valid uid pre-filled', async () => {
  const row = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  await row.locator('[data-testid="download-button"]:not([aria-disabled])').click()
  const dialog = page.getByTestId('import-dialog')
  await expectVisible(dialog, 'import dialog')
  const uid = await dialog.getByTestId('uid-input').inputValue()
  assert(/^[a-z0-9][a-z0-9-]{0,62}$/.test(uid) && uid.includes('qwen2-5-7b-instruct'), `pre-filled uid, got ${uid}`)
  await expectVisible(dialog.getByTestId('preflight'), 'pre-flight panel')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await dialog.waitFor({ state: 'detached' })
})

await t.test('switching to ModelScope searches there from page 1', async () => {
  const answered = page.waitForResponse((r) => {
    const u = new URL(r.url())
    return u.pathname === '/api/v2/catalog/search' && u.searchParams.get('provider') === 'modelscope'
  })
  await hubLabel(page, 'ModelScope').click()
  const response = await answered
  assertEqual(response.status(), 200, 'ModelScope search status')
  assertEqual(new URL(response.url()).searchParams.get('page'), '1', 'page after switching hubs')
  assert(!new URL(response.url()).searchParams.has('cursor'), 'no Hugging Face cursor sent to ModelScope')
  assert(await page.getByRole('radio', { name: 'ModelScope' }).isChecked(), 'ModelScope is selected')
  const row = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  await expectVisible(row, `${MODEL} in the ModelScope results`)
  const text = await page.getByTestId('search-results').innerText()
  assert(text.includes('Downloads (all time)'), 'ModelScope downloads are all-time')
  assert((await row.innerText()).includes('通义千问2.5-7B-Instruct'), 'the ModelScope display name in Chinese')
  await screenshot(page, 'search-modelscope-desktop-en')
})

await t.test('Chinese: the metadata drawer', async () => {
  await page.getByRole('button', { name: '中文' }).click()
  await expectVisible(page.getByRole('heading', { level: 2, name: '模型源检索' }), 'zh block B heading')
  await hubLabel(page, 'Hugging Face').click()
  const zhRow = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  await expectVisible(zhRow, 'HF results (zh)')
  // scoped to the search result: block A's row of the same model has a details button of the same name
  await zhRow.getByRole('button', { name: `${MODEL} 的详情` }).click()
  const drawer = page.getByTestId('metadata-drawer')
  await expectVisible(drawer.getByTestId('revision'), 'revision (zh)')
  await expectVisible(drawer.getByText('总大小'), 'zh labels in the drawer')
  await page.waitForTimeout(300)
  await page.screenshot({ path: `${RESULTS_DIR}search-drawer-zh.png` })
  await page.keyboard.press('Escape')
  await page.getByRole('button', { name: 'EN' }).or(page.getByRole('button', { name: 'English' })).first().click()
})

await t.test('narrow screen (390 px): results without sideways scrolling', async () => {
  await page.setViewportSize(NARROW)
  await openCatalog(page)
  await searchFor(page, 'qwen')
  assert(await fitsViewportWidth(page), 'page is wider than 390 px')
  await screenshot(page, 'search-narrow-en')
  await page.setViewportSize(DESKTOP)
})

await t.test('viewer sees Download disabled with the reason', async () => {
  await page.evaluate(() => localStorage.setItem('nebula-catalog.lang', 'en'))
  await signOut(page)
  await signInToCatalog(page, 'viewer')
  await searchFor(page, 'qwen')
  const row = page.locator(`[data-testid="search-result"][data-model-id="${MODEL}"]`)
  const download = row.getByTestId('download-button')
  assertEqual(await download.getAttribute('aria-disabled'), 'true', 'Download aria-disabled for a viewer')
  assertEqual(await download.getAttribute('data-gated'), 'operator', 'Download gated on the operator role')
  await download.click({ force: true }) // aria-disabled: Playwright would wait for it to become enabled
  assertEqual(await page.getByTestId('import-dialog').count(), 0, 'import dialogs opened by a viewer')
  await download.hover()
  await expectVisible(page.getByRole('tooltip'), 'tooltip with the reason')
  const tip = await page.getByRole('tooltip').first().innerText()
  assert(/operator/i.test(tip) && /viewer/i.test(tip), `tooltip names the needed and the current role, got: ${tip}`)
})

await t.test('no uncaught page errors', async () => {
  const uncaught = pageErrors.filter((e) => e.startsWith('page error'))
  assertEqual(uncaught.length, 0, `uncaught errors: ${uncaught.join(' | ')}`)
})

await session.close()
t.finish()
