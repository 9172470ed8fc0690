// Browser test of the page an operator trusts at a glance (issue #17): block A's table keeps every action inside the
// viewport at 1440, 1280 and 1024 px with no sideways scrolling and steady column widths; focus goes back to the
// opener when the details sheet, the delete dialog, the import dialog, the metadata drawer, the stop question and both
// batch dialogs close (Escape and ×); the nodes view keeps every control inside the viewport at 1440, 1280 and 1024 px;
// block A's filter, sort and page survive a reload through the address; the pager keeps focus and brings the list's
// top into view; a filter that matches nothing says so and offers Clear filters; cards stay compact on small screens.
// Uses the simulator's demo scenario and the stubbed hubs ("qwen" on Hugging Face); changes nothing in the cluster.
// Run: BASE_URL=http://127.0.0.1:8080/ SIM_URL=http://127.0.0.1:18090 node e2e/layout.mjs
import { mkdirSync } from 'node:fs'
import { BASE_URL, RESULTS_DIR, assert, assertEqual, createRunner, expectPath, expectVisible, launchOrAbort, signIn, url } from './lib.mjs'

const t = createRunner()
console.log(`layout e2e against ${BASE_URL}`)
const session = await launchOrAbort({ viewport: { width: 1440, height: 900 }, locale: 'en-US' })
const { page, pageErrors } = session
const notFound = []
page.on('response', (r) => r.status() === 404 && notFound.push(new URL(r.url()).pathname))
const rows = () => page.getByTestId('model-row')
const blockA = () => page.getByTestId('downloaded-models')
const modelsListed = (predicate = () => true) =>
  page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/models' && predicate(new URL(r.url()).searchParams))

/** Block A (or the whole page) as frontend/test-results/layout-<name>.png. */
async function shot(name, locator) {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const path = `${RESULTS_DIR}layout-${name}.png`
  if (locator) {
    await page.evaluate(() => window.scrollTo(0, 0))
    await locator.screenshot({ path })
  } else {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path, fullPage: true })
  }
}

/** What has focus, as a short description (for messages). */
const focused = () =>
  page.evaluate(() => {
    const el = document.activeElement
    if (!el || el === document.body) return 'the page body'
    return `${el.tagName.toLowerCase()} "${el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 40)}"`
  })

/** Asserts that `locator` (one element) has focus. */
async function expectFocused(locator, what) {
  try {
    await page.waitForFunction((el) => el === document.activeElement, await locator.elementHandle(), { timeout: 2_000 })
  } catch {
    throw new Error(`${what}: focus is on ${await focused()}`)
  }
}

/** Opens something with `opener`, closes it by Escape and by its × button, and checks focus is back each time. */
async function checkFocusReturn(opener, panel, what) {
  for (const how of ['Escape', '×']) {
    await opener.click()
    await expectVisible(panel, what)
    await page.waitForTimeout(150)
    if (how === 'Escape') await page.keyboard.press('Escape')
    else await panel.getByRole('button', { name: /^(Close|关闭)$/ }).last().click()
    await panel.waitFor({ state: 'detached' })
    await expectFocused(opener, `after closing the ${what} with ${how}`)
  }
}

/** Every action button of block A inside the table's box and the viewport; no sideways scrolling anywhere. */
async function checkActionsInside(width) {
  const report = await page.evaluate(() => {
    const table = document.querySelector('[data-testid="models-table"]')
    const box = table.parentElement.getBoundingClientRect()
    const out = {
      scrollWidth: document.scrollingElement.scrollWidth,
      innerWidth: window.innerWidth,
      tableWidth: table.getBoundingClientRect().width,
      boxWidth: box.width,
      boxScroll: table.parentElement.scrollWidth - table.parentElement.clientWidth,
      outside: [],
      buttons: 0,
    }
    for (const button of table.querySelectorAll('[data-testid="model-row"] button')) {
      out.buttons += 1
      const r = button.getBoundingClientRect()
      if (r.left < box.left - 0.5 || r.right > box.right + 0.5 || r.left < 0 || r.right > window.innerWidth) {
        out.outside.push(`${button.getAttribute('aria-label')} [${Math.round(r.left)}–${Math.round(r.right)}]`)
      }
    }
    return out
  })
  assert(report.buttons >= 2, `action buttons found at ${width} px: ${report.buttons}`)
  assert(report.scrollWidth <= report.innerWidth, `page scrolls sideways at ${width} px: ${report.scrollWidth} > ${report.innerWidth}`)
  assert(report.boxScroll <= 0, `the table's box scrolls sideways at ${width} px by ${report.boxScroll} px`)
  assert(report.tableWidth <= report.boxWidth + 0.5, `table ${report.tableWidth} px is wider than its box ${report.boxWidth} px at ${width} px`)
  assert(report.outside.length === 0, `buttons outside the table or viewport at ${width} px: ${report.outside.join(', ')}`)
}

const columnWidths = () => page.locator('[data-testid="models-table"] thead th').evaluateAll((ths) => ths.map((th) => Math.round(th.getBoundingClientRect().width)))

await t.test('admin signs in; block A lists the demo models', async () => {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'admin')
  await expectPath(page, '/model-catalog')
  await expectVisible(rows(), 'model rows')
})

for (const width of [1440, 1280, 1024]) {
  await t.test(`at ${width} px every action of block A is inside the viewport, no sideways scroll, steady widths`, async () => {
    await page.setViewportSize({ width, height: 900 })
    await page.waitForTimeout(200)
    await checkActionsInside(width)
    const before = await columnWidths()
    const answered = modelsListed()
    await blockA().getByRole('button', { name: 'Refresh' }).click()
    await answered
    await page.waitForTimeout(300)
    assertEqual(JSON.stringify(await columnWidths()), JSON.stringify(before), `column widths across a refresh at ${width} px`)
    await shot(`a-${width}-en`, blockA())
  })
}

await t.test('focus returns to the opener after the details sheet and the delete dialog close (Escape and ×)', async () => {
  await page.setViewportSize({ width: 1280, height: 900 })
  const row = rows().filter({ has: page.locator('button[aria-label^="Delete "]:not([disabled])') }).first()
  await checkFocusReturn(row.getByRole('button', { name: /^Details of / }), page.getByTestId('model-details'), 'details sheet')
  await checkFocusReturn(row.getByRole('button', { name: /^Delete / }), page.getByTestId('delete-dialog'), 'delete dialog')
})

await t.test("block A's filter, sort and page survive a reload through the address", async () => {
  await page.locator('#models-state').selectOption('running')
  await page.getByTestId('sort-size').click()
  await page.waitForURL((u) => u.searchParams.get('state') === 'running' && u.searchParams.get('sort') === 'size')
  assertEqual(new URL(page.url()).searchParams.get('order'), 'desc', 'a first click on Size sorts largest first')
  const filtered = modelsListed((q) => q.get('state') === 'running' && q.get('sort') === 'size' && q.get('order') === 'desc')
  await page.reload()
  assertEqual((await filtered).status(), 200, 'list after reload')
  await expectVisible(rows(), 'rows after reload')
  assertEqual(await page.locator('#models-state').inputValue(), 'running', 'state filter after reload')
  assertEqual(await page.locator('#models-sort').inputValue(), 'size', 'sort after reload')
  assertEqual(await page.locator('th', { has: page.getByTestId('sort-size') }).getAttribute('aria-sort'), 'descending', 'Size header after reload')

  // the page (10 per page: the demo cluster fills two)
  await page.locator('#models-state').selectOption('')
  await page.getByTestId('models-pager-size').selectOption('10')
  const pager = page.getByTestId('models-pager')
  await pager.getByRole('button', { name: 'Page 2' }).click()
  await page.waitForURL((u) => u.searchParams.get('page') === '2' && u.searchParams.get('limit') === '10')
  const paged = modelsListed((q) => q.get('page') === '2' && q.get('limit') === '10' && q.get('sort') === 'size')
  await page.reload()
  assertEqual((await paged).status(), 200, 'page 2 after reload')
  await expectVisible(pager.locator('[aria-current="page"]', { hasText: '2' }), 'page 2 current after reload')
  // replaced, not pushed: Back leaves the page instead of stepping through each filter
  assert((await page.evaluate(() => history.length)) <= 3, `history grew to ${await page.evaluate(() => history.length)} entries`)
})

await t.test('"Next" keeps focus on the pager and brings the top of the list into view', async () => {
  await page.getByTestId('models-pager').getByRole('button', { name: 'Page 1' }).click()
  await page.waitForURL((u) => !u.searchParams.has('page'))
  const next = page.getByTestId('models-pager').getByRole('button', { name: 'Next' })
  // the pager ignores clicks while the page it asked for loads (its buttons are aria-disabled meanwhile)
  await page.waitForFunction((el) => !el.hasAttribute('aria-disabled'), await next.elementHandle())
  await next.focus()
  await page.keyboard.press('Enter')
  await page.waitForURL((u) => u.searchParams.get('page') === '2')
  await page.waitForTimeout(300)
  await expectFocused(next, 'after Next in block A')
  const top = await page.getByTestId('models-list').evaluate((el) => el.getBoundingClientRect().top)
  assert(top >= 0 && top < 300, `block A's list top is at ${Math.round(top)} px after Next (should be in view near the top)`)
})

await t.test('a filter that matches nothing says so and offers Clear filters', async () => {
  await page.locator('#models-q').fill('zz-no-such-model')
  await expectVisible(page.getByText('No models match these filters'), 'filtered empty state')
  assertEqual(await page.getByText('No models yet').count(), 0, '"No models yet" while filtered')
  await page.getByTestId('clear-filters').click()
  await expectVisible(rows(), 'rows after Clear filters')
  await expectFocused(page.locator('#models-q'), 'after Clear filters')
  assertEqual(new URL(page.url()).searchParams.has('q'), false, 'q left in the address')
  await page.goto(url('/model-catalog'))
  await expectVisible(rows(), 'rows')
})

async function searchQwen() {
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/search' && new URL(r.url()).searchParams.get('q') === 'qwen')
  await page.getByTestId('search-input').fill('qwen')
  assertEqual((await answered).status(), 200, 'search "qwen"')
  await expectVisible(page.getByTestId('search-result'), 'search results')
}

await t.test('focus returns to the opener after the import dialog and the metadata drawer close (Escape and ×)', async () => {
  await searchQwen()
  const result = page.locator('[data-testid="search-result"][data-model-id="Qwen/Qwen2.5-7B-Instruct"]')
  await checkFocusReturn(result.getByRole('button', { name: /^Details / }), page.getByTestId('metadata-drawer'), 'metadata drawer')
  await checkFocusReturn(result.locator('[data-testid="download-button"]'), page.getByTestId('import-dialog'), 'import dialog')
})

await t.test('hub results are compact; "Next" keeps focus and shows the top of the results; the search survives a reload', async () => {
  const heights = await page.getByTestId('search-result').evaluateAll((items) => items.map((li) => Math.round(li.getBoundingClientRect().height)))
  const tallest = Math.max(...heights)
  assert(tallest <= 130, `hub result rows up to ${tallest} px tall at 1280 px (${heights.join(', ')})`)
  const next = page.getByTestId('pager').getByRole('button', { name: 'Next' })
  await next.focus()
  await page.keyboard.press('Enter')
  await page.waitForURL((u) => u.searchParams.get('hub_page') === '2')
  await expectVisible(page.getByTestId('pager').locator('[aria-current="page"]', { hasText: '2' }), 'page 2 current')
  await page.waitForTimeout(300)
  await expectFocused(next, 'after Next in block B')
  const top = await page.getByTestId('search-results').evaluate((el) => el.getBoundingClientRect().top)
  // (block B ends the page: the window may not scroll far enough to bring it to the very top)
  assert(top >= 0 && top < 900 - 200, `block B's results top is at ${Math.round(top)} px after Next`)
  await shot('b-1280-en', page.getByTestId('hub-search'))
  await page.reload()
  assertEqual(await page.getByTestId('search-input').inputValue(), 'qwen', 'search text after reload')
  await expectVisible(page.getByTestId('pager').locator('[aria-current="page"]', { hasText: '2' }), 'page 2 after reload')
})

await t.test('at 768 and 390 px the cards are compact, and the import dialog keeps Download in view', async () => {
  for (const [width, height] of [[768, 1024], [390, 844]]) {
    await page.setViewportSize({ width, height })
    await page.goto(url('/model-catalog'))
    await expectVisible(rows(), `rows at ${width} px`)
    assert(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), `page scrolls sideways at ${width} px`)
    const heights = await rows().evaluateAll((trs) => trs.map((tr) => Math.round(tr.getBoundingClientRect().height)))
    const median = [...heights].sort((a, b) => a - b)[Math.floor(heights.length / 2)]
    assert(median <= 200, `block A cards at ${width} px: median ${median} px (${heights.join(', ')})`)
    await shot(`a-${width}-en`, blockA())
  }
  await searchQwen()
  await page.locator('[data-testid="search-result"][data-model-id="Qwen/Qwen2.5-7B-Instruct"] [data-testid="download-button"]').click()
  const dialog = page.getByTestId('import-dialog')
  await expectVisible(dialog.getByTestId('preflight'), 'pre-flight')
  await page.waitForTimeout(600)
  const box = await dialog.getByTestId('import-submit').boundingBox()
  assert(box && box.y >= 0 && box.y + box.height <= 844, `Download at y=${box && Math.round(box.y)} is outside the 844 px viewport`)
  await page.screenshot({ path: `${RESULTS_DIR}layout-import-390-en.png` })
  await page.keyboard.press('Escape')
})

await t.test('Chinese at 1024 and 390 px: no sideways scrolling, every action inside', async () => {
  await page.setViewportSize({ width: 1024, height: 900 })
  await page.goto(url('/model-catalog'))
  await expectVisible(rows(), 'rows')
  await page.getByRole('button', { name: '中文' }).click()
  await page.waitForFunction(() => document.documentElement.lang.startsWith('zh'))
  await page.waitForTimeout(200)
  await checkActionsInside(1024)
  await shot('a-1024-zh', blockA())
  await page.setViewportSize({ width: 390, height: 844 })
  await page.waitForTimeout(200)
  assert(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), 'page scrolls sideways at 390 px (zh)')
  await shot('a-390-zh', blockA())
  await page.getByRole('button', { name: 'English' }).click()
})

for (const width of [1440, 1280, 1024]) {
  await t.test(`at ${width} px the nodes view keeps every control inside the viewport, with no sideways scroll`, async () => {
    await page.setViewportSize({ width, height: 900 })
    await page.goto(url('/model-catalog?view=nodes'))
    await expectVisible(page.getByTestId('copy-row'), 'cached copies')
    const report = await page.evaluate(() => {
      const outside = []
      let controls = 0
      for (const el of document.querySelectorAll('[data-testid="nodes"] :is(button, input, select)')) {
        const r = el.getBoundingClientRect()
        if (r.width === 0) continue
        controls += 1
        if (r.left < 0 || r.right > window.innerWidth) outside.push(`${el.getAttribute('aria-label') || el.textContent?.trim().slice(0, 30)} [${Math.round(r.left)}–${Math.round(r.right)}]`)
      }
      return { outside, controls, scrollWidth: document.scrollingElement.scrollWidth, innerWidth: window.innerWidth }
    })
    assert(report.controls >= 5, `controls found in the nodes view at ${width} px: ${report.controls}`)
    assert(report.scrollWidth <= report.innerWidth, `page scrolls sideways at ${width} px: ${report.scrollWidth} > ${report.innerWidth}`)
    assert(report.outside.length === 0, `controls outside the viewport at ${width} px: ${report.outside.join(', ')}`)
    await shot(`nodes-${width}-en`, page.getByTestId('nodes'))
  })
}

await t.test('at 768 and 390 px the nodes view reads as cards, with no sideways scroll', async () => {
  for (const [width, height] of [[768, 1024], [390, 844]]) {
    await page.setViewportSize({ width, height })
    await expectVisible(page.getByTestId('copy-row'), `copies at ${width} px`)
    assert(await page.evaluate(() => document.scrollingElement.scrollWidth <= window.innerWidth), `page scrolls sideways at ${width} px`)
    await shot(`nodes-${width}-en`, page.getByTestId('nodes'))
  }
  await page.setViewportSize({ width: 1280, height: 900 })
})

await t.test('focus returns to the opener after the stop question and the batch delete and batch import dialogs close (Escape and ×)', async () => {
  await page.goto(url('/model-catalog'))
  await expectVisible(rows(), 'rows')
  await checkFocusReturn(rows().locator('[data-action="stop"]').first(), page.getByTestId('lifecycle-dialog'), 'stop question')
  const boxes = page.getByTestId('select-row')
  await boxes.nth(0).check()
  await boxes.nth(1).check()
  await checkFocusReturn(page.getByTestId('batch-delete-open'), page.getByTestId('batch-delete-dialog'), 'batch delete dialog')
  await page.getByTestId('selection-bar').getByRole('button', { name: 'Clear selection' }).click()
  await searchQwen()
  const picks = page.getByTestId('select-result')
  await picks.nth(2).check()
  await picks.nth(3).check()
  await checkFocusReturn(page.getByTestId('batch-import-open'), page.getByTestId('batch-import-dialog'), 'batch import dialog')
  await page.getByTestId('import-selection-bar').getByRole('button', { name: 'Clear selection' }).click()
})

await t.test('no uncaught errors in the page', async () => {
  assert(pageErrors.length === 0, `${pageErrors.join('\n')}\n404: ${notFound.join(', ')}`)
})

await session.close()
t.finish()
