// Browser test of sign-in, roles, the user menu and the admin-only Audit page, against the real service and the
// built-in simulator's demo accounts.
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/auth.mjs   (CHROMIUM=/path/to/chromium to override)
import { BASE_URL, DESKTOP, NARROW, assert, assertEqual, createRunner, expectPath, expectVisible, fitsViewportWidth, launchOrAbort, screenshot, signIn, signOut, unexpectedErrors, url } from './lib.mjs'

const t = createRunner()
console.log(`auth e2e against ${BASE_URL}`)

const session = await launchOrAbort()
const { page, pageErrors } = session

async function openMore() {
  await page.getByRole('button', { name: /^(More|更多)$/ }).click()
  await expectVisible(page.getByRole('menuitem', { name: /Model Catalog|模型目录/ }), 'Model Catalog entry in More')
}

async function closeMenu() {
  await page.keyboard.press('Escape')
}

await t.test('sign-in page has labelled fields and shows the demo accounts (simulator)', async () => {
  await page.goto(url('/sign-in'))
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Sign in to Model Catalog' }), 'sign-in heading')
  await expectVisible(page.getByLabel('Username'), 'Username field')
  await expectVisible(page.getByLabel('Password', { exact: true }), 'Password field')
  const demo = page.getByTestId('demo-accounts')
  await expectVisible(demo, 'demo accounts hint')
  const text = await demo.innerText()
  assert(text.includes('admin/admin123, operator/operator123, viewer/viewer123'), `demo hint text, got: ${text}`)
  await screenshot(page, 'signin-desktop-en')
})

await t.test('a wrong password shows the API message and a request id', async () => {
  await page.getByLabel('Username').fill('viewer')
  await page.getByLabel('Password', { exact: true }).fill('not-the-password')
  await page.getByRole('button', { name: 'Sign in' }).click()
  const error = page.getByTestId('sign-in-error')
  await expectVisible(error, 'sign-in error')
  const text = await error.innerText()
  assert(/Could not sign in/.test(text) && /Request ID/.test(text), `error names the failure and a request id, got: ${text}`)
  await expectPath(page, '/sign-in')
})

await t.test('Model Catalog asks for sign-in and comes back afterwards', async () => {
  await page.goto(url('/model-catalog'))
  await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('next') === '/model-catalog')
  const landed = await signIn(page, 'viewer')
  assertEqual(landed, '/model-catalog', 'page after sign-in')
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Model Catalog' }), 'catalog heading')
  await signOut(page)
})

for (const role of ['viewer', 'operator', 'admin']) {
  await t.test(`${role}: user menu shows the role; Audit in More ${role === 'admin' ? 'is' : 'is not'} offered`, async () => {
    await page.goto(url('/sign-in'))
    await signIn(page, role)
    const menu = page.getByTestId('user-menu')
    await expectVisible(menu, 'user menu')
    // its accessible name is its text: "Account: <name> <role>"
    const label = (await menu.textContent())?.replace(/\s+/g, ' ').trim()
    assert(label?.startsWith('Account: ') && label.endsWith(` ${role}`), `user menu names the role, got: ${label}`)
    assertEqual(await menu.getByTestId('role-badge').getAttribute('data-role'), role, 'role badge in the top bar')
    await menu.click()
    const identity = page.getByTestId('user-menu-identity')
    await expectVisible(identity, 'user menu identity')
    assert((await identity.innerText()).includes(role), 'menu shows the role')
    await closeMenu()

    await openMore()
    const audit = page.getByRole('menuitem', { name: /Audit/ })
    assertEqual(await audit.count(), role === 'admin' ? 1 : 0, 'Audit entries in More')
    await closeMenu()

    if (role !== 'admin') {
      await page.goto(url('/audit'))
      await expectVisible(page.getByTestId('forbidden'), 'forbidden notice on /audit')
      const text = await page.getByTestId('forbidden').innerText()
      assert(text.includes(`you are signed in as ${role}`), `says which role is needed, got: ${text}`)
      await signOut(page)
    }
  })
}

await t.test('admin opens Audit from More and sees the sign-ins just made', async () => {
  await openMore()
  await page.getByRole('menuitem', { name: /Audit/ }).click()
  await expectPath(page, '/audit')
  await expectVisible(page.getByRole('heading', { level: 1, name: 'Audit' }), 'audit heading')
  await expectVisible(page.getByTestId('audit-row'), 'audit rows')
  const rows = await page.getByTestId('audit-row').allInnerTexts()
  for (const who of ['viewer', 'operator', 'admin']) {
    assert(rows.some((r) => r.includes(who) && /\blogin\b/.test(r)), `a login row for ${who}`)
  }
  assert(rows.some((r) => /login_failed/.test(r) && /Denied/.test(r)), 'the failed sign-in is recorded as denied')
  await screenshot(page, 'audit-desktop-en')
})

await t.test('audit filters narrow the list on the server', async () => {
  await page.getByLabel('Actor').fill('operator')
  await page.getByRole('button', { name: 'Apply' }).click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="audit-row"]')].every((r) => r.textContent.includes('operator')),
  )
  await page.getByLabel('Outcome').selectOption('denied')
  await expectVisible(page.getByText('No record matches these filters.').or(page.getByTestId('audit-row')), 'result')
  await page.getByRole('button', { name: 'Clear filters' }).click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="audit-row"]')].some((r) => r.textContent.includes('admin')),
  )
})

await t.test('Audit in Chinese', async () => {
  await page.getByRole('button', { name: '中文' }).click()
  await expectVisible(page.getByRole('heading', { level: 1, name: '审计' }), 'zh audit heading')
  await expectVisible(page.getByRole('columnheader', { name: '操作者' }), 'zh column header')
  await screenshot(page, 'audit-desktop-zh')
})

await t.test('Audit at 390 px reads as cards without sideways scrolling', async () => {
  await page.getByRole('button', { name: 'English' }).click()
  await page.setViewportSize(NARROW)
  await expectVisible(page.getByTestId('audit-row'), 'audit rows (narrow)')
  assert(await fitsViewportWidth(page), 'audit page is wider than 390 px')
  await screenshot(page, 'audit-narrow-en')
})

await t.test('signing out ends the session: Audit asks for sign-in again', async () => {
  await page.setViewportSize(DESKTOP)
  await signOut(page)
  await page.goto(url('/audit'))
  await page.waitForURL((u) => u.pathname === '/sign-in' && u.searchParams.get('next') === '/audit')
  await page.setViewportSize(NARROW)
  assert(await fitsViewportWidth(page), 'sign-in page is wider than 390 px')
  await screenshot(page, 'signin-narrow-en')
  await page.setViewportSize(DESKTOP)
  const landed = await signIn(page, 'admin')
  assertEqual(landed, '/audit', 'back on Audit after signing in')
  await signOut(page)
  assertEqual(await page.evaluate(() => sessionStorage.getItem('nebula-catalog.token')), null, 'token after sign-out')
})

await t.test('no uncaught errors in the page', async () => {
  // The wrong password above is answered 401 on purpose; the browser logs that line itself.
  const errors = unexpectedErrors(pageErrors, [401])
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
