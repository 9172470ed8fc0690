// Browser test of the app shell and the Model Catalog page frame (signed in as the simulator's viewer).
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/shell.mjs   (CHROMIUM=/path/to/chromium to override)
import { BASE_URL, NARROW, assert, assertEqual, createRunner, expectPath, expectVisible, fitsViewportWidth, launchOrAbort, screenshot, signIn, url } from './lib.mjs'

const t = createRunner()
console.log(`shell e2e against ${BASE_URL}`)

const session = await launchOrAbort()
const { page, pageErrors } = session

await t.test('start page shows the shell and does not redirect', async () => {
  await page.goto(url('/'))
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Welcome to Nebula Model Catalog' }), 'welcome heading')
  // no CATALOG_NEBULA_UI_URL in the test service: no Models link to a page that is not there (a configured one is
  // in app-shell.test.tsx)
  await expectVisible(page.getByRole('button', { name: 'More' }), 'More menu')
  assertEqual(await page.getByRole('link', { name: 'Models', exact: true }).count(), 0, 'Models links without a Nebula UI')
  assertEqual(new URL(page.url()).pathname, '/', 'path of the start page')
})

await t.test('More menu leads to Model Catalog, through sign-in (as viewer)', async () => {
  await page.getByRole('button', { name: 'More' }).click()
  await page.getByRole('menuitem', { name: /Model Catalog/ }).click()
  await expectPath(page, '/sign-in')
  assertEqual(new URL(page.url()).searchParams.get('next'), '/model-catalog', 'sign-in returns to')
  assertEqual(await signIn(page, 'viewer'), '/model-catalog', 'page after sign-in')
  await expectPath(page, '/model-catalog')
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Model Catalog' }), 'page title')
  await expectVisible(page.getByRole('heading', { level: 2, name: 'Downloaded models' }), 'block A heading')
  await expectVisible(page.getByRole('heading', { level: 2, name: 'Search Hugging Face / ModelScope' }), 'block B heading')
})

await t.test('capability strip shows the service status', async () => {
  const strip = page.getByTestId('capability-strip')
  await expectVisible(strip.getByTestId('cap-service'), 'service tile')
  const service = await strip.getByTestId('cap-service').innerText()
  assert(/Version \S+/.test(service), `service tile shows a version, got: ${service}`)
  for (const tile of ['cap-database', 'cap-nebula']) {
    const text = await strip.getByTestId(tile).innerText()
    assert(/Reachable|Unreachable/.test(text), `${tile} says whether it is reachable, got: ${text}`)
  }
  const hubs = await strip.locator('[data-testid^="cap-hub-"]').count()
  assert(hubs >= 1, `at least one model hub tile, got ${hubs}`)
  assertEqual(await page.getByTestId('capability-error').count(), 0, 'error boxes')
  await screenshot(page, 'catalog-desktop-en')
})

await t.test('switching to Chinese translates the page', async () => {
  await page.getByRole('button', { name: '中文' }).click()
  await expectVisible(page.getByRole('heading', { level: 1, name: '模型目录' }), 'zh page title')
  await expectVisible(page.getByRole('heading', { level: 2, name: '已下载模型' }), 'zh block A heading')
  await expectVisible(page.getByRole('heading', { level: 2, name: '模型源检索' }), 'zh block B heading')
  assertEqual(await page.evaluate(() => document.documentElement.lang), 'zh-CN', 'html lang')
  await screenshot(page, 'catalog-desktop-zh')
})

await t.test('language choice survives a reload', async () => {
  await page.reload()
  await expectVisible(page.getByRole('heading', { level: 1, name: '模型目录' }), 'zh page title after reload')
})

await t.test('narrow screen (390 px) shows the page without sideways scrolling', async () => {
  await page.setViewportSize(NARROW)
  await page.reload()
  await expectVisible(page.getByTestId('cap-service'), 'service tile (zh, narrow)')
  assert(await fitsViewportWidth(page), 'zh page is wider than 390 px')
  await screenshot(page, 'catalog-narrow-zh')
  await page.getByRole('button', { name: 'English' }).click()
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Model Catalog' }), 'en page title (narrow)')
  assert(await fitsViewportWidth(page), 'en page is wider than 390 px')
  await screenshot(page, 'catalog-narrow-en')
})

await t.test('keyboard alone reaches Model Catalog through the More menu', async () => {
  await page.setViewportSize({ width: 1280, height: 900 })
  // The header's menus share one chunk, held back here so that focus is on More's stand-in when they arrive: focus
  // must stay on More, not jump to another menu of the same chunk.
  const menusChunk = /\/assets\/header-menus-[^/]*\.js$/
  await page.route(menusChunk, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 600))
    await route.continue()
  })
  try {
    await page.goto(url('/'))
    await expectVisible(page.getByRole('heading', { level: 1 }), 'start page heading')
    await page.getByRole('button', { name: 'More' }).focus()
    await page.locator('[data-menu-placeholder]').first().waitFor({ state: 'detached' })
  } finally {
    await page.unroute(menusChunk)
  }
  await page.keyboard.press('Enter')
  await expectVisible(page.getByRole('menuitem', { name: /Model Catalog/ }), 'menu item')
  await page.keyboard.press('Enter')
  await expectPath(page, '/model-catalog')
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Model Catalog' }), 'page title')
})

await t.test('an unknown address shows not-found inside the shell', async () => {
  await page.goto(url('/no-such-page'))
  await expectVisible(page.getByTestId('not-found'), 'not-found view')
  await expectVisible(page.getByRole('button', { name: 'More' }), 'More menu on the not-found page')
})

await t.test('no uncaught errors in the page', async () => {
  // The not-found deep link is answered by the service's SPA fallback, so no 404 is expected either.
  assert(pageErrors.length === 0, pageErrors.join('\n'))
})

await session.close()
t.finish()
