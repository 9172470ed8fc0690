// Browser test: one user's ended Nebula session never signs out another. Alice and Bob each have the Model Catalog
// open in their own browser; Alice's Nebula session ends elsewhere (a logout in another tab). Both pages refresh at
// the same moment, on a slow Nebula so that they share one refresh of the model list: Bob keeps working, Alice alone
// is asked to sign in again. Needs the simulator (SIM_URL).
// Then the tabs of one browser: they share one sign-in (a new tab opens signed in, signing out in one tab signs
// out the others, signing in again in one signs in the others) and a reload right after sign-in keeps it.
// Run: BASE_URL=… SIM_URL=… node e2e/sessions.mjs
import { BASE_URL, assert, createRunner, expectPath, expectVisible, launchOrAbort, screenshot, sim, unexpectedErrors, url } from './lib.mjs'

const t = createRunner()
console.log(`sessions e2e against ${BASE_URL}`)

const suffix = Math.random().toString(16).slice(2, 8)
const alice = { username: `alice-${suffix}`, password: `pw-alice-${suffix}` }
const bob = { username: `bob-${suffix}`, password: `pw-bob-${suffix}` }
await sim('/_sim/users', { ...alice, role: 'viewer' })
await sim('/_sim/users', { ...bob, role: 'viewer' })

const a = await launchOrAbort()
const b = await launchOrAbort()

async function signInAs(page, account) {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await page.locator('input[name="username"]').fill(account.username)
  await page.locator('input[name="password"]').fill(account.password)
  await page.locator('form button[type="submit"]').click()
  await expectPath(page, '/model-catalog')
  await expectVisible(page.getByTestId('model-row').first(), `${account.username} sees the downloaded models`)
}

await t.test('Alice and Bob both see the downloaded models', async () => {
  await signInAs(a.page, alice)
  await signInAs(b.page, bob)
})

await t.test("Alice's Nebula session ends elsewhere: Bob keeps working, Alice is asked to sign in again", async () => {
  const ended = await sim('/_sim/sessions/end', { username: alice.username })
  assert(ended.ended >= 1, `Alice had a Nebula session to end, got ${JSON.stringify(ended)}`)
  await sim('/_sim/chaos', { latency_ms: 300 })
  try {
    await Promise.all([a.page.reload(), b.page.waitForTimeout(100).then(() => b.page.reload())])
    await a.page.waitForURL((u) => u.pathname === '/sign-in')
    await expectVisible(a.page.getByText('Your session has ended'), "Alice's sign-in page says why")
    await expectVisible(b.page.getByTestId('model-row').first(), 'Bob still sees the models')
    await expectPath(b.page, '/model-catalog')
  } finally {
    await sim('/_sim/chaos', { latency_ms: 0 })
  }
  await screenshot(a.page, 'session-ended-alice')
  await screenshot(b.page, 'session-kept-bob')
})

await t.test('Bob carries on after the refresh; Alice signs in again and is back', async () => {
  await b.page.reload()
  await expectVisible(b.page.getByTestId('model-row').first(), 'Bob after another refresh')
  await a.page.locator('input[name="username"]').fill(alice.username)
  await a.page.locator('input[name="password"]').fill(alice.password)
  await a.page.locator('form button[type="submit"]').click()
  await expectPath(a.page, '/model-catalog')
  await expectVisible(a.page.getByTestId('model-row').first(), 'Alice sees the models again')
})

await a.close()
await b.close()

// one browser, two tabs
const c = await launchOrAbort()
const tab1 = c.page
const tab2 = await c.context.newPage()
const cErrors = []
tab2.on('pageerror', (error) => cErrors.push(`page error: ${error.message}`))

async function signedInOnCatalog(page, what) {
  await expectPath(page, '/model-catalog')
  await expectVisible(page.getByTestId('user-menu'), `${what}: the user menu`)
  await expectVisible(page.getByTestId('model-row').first(), `${what}: the downloaded models`)
}

await t.test('tabs: signed in in tab 1, a new tab 2 opens signed in', async () => {
  await signInAs(tab1, alice)
  await tab2.goto(url('/model-catalog'))
  await signedInOnCatalog(tab2, 'tab 2')
})

await t.test('tabs: signing out in tab 2 asks tab 1 to sign in', async () => {
  await tab2.getByTestId('user-menu').click()
  await tab2.getByRole('menuitem', { name: /Sign out|退出登录/ }).click()
  await expectPath(tab2, '/sign-in')
  await tab1.waitForURL((u) => u.pathname === '/sign-in')
  await expectVisible(tab1.getByText('You have signed out.'), 'tab 1 says it was signed out')
  assert((await tab1.getByTestId('user-menu').count()) === 0, 'tab 1 has no user menu')
  assert(new URL(tab1.url()).searchParams.get('next') === '/model-catalog', `tab 1 comes back to the catalog, url ${tab1.url()}`)
  await screenshot(tab1, 'session-tab1-signed-out-by-tab2')
})

await t.test('tabs: signing in again in tab 1 signs in tab 2, which was on sign-in', async () => {
  await tab1.locator('input[name="username"]').fill(alice.username)
  await tab1.locator('input[name="password"]').fill(alice.password)
  await tab1.locator('form button[type="submit"]').click()
  await signedInOnCatalog(tab1, 'tab 1')
  await signedInOnCatalog(tab2, 'tab 2 follows')
})

await t.test('a reload right after sign-in stays signed in', async () => {
  await tab2.getByTestId('user-menu').click()
  await tab2.getByRole('menuitem', { name: /Sign out|退出登录/ }).click()
  await expectPath(tab1, '/sign-in')
  await tab1.locator('input[name="username"]').fill(alice.username)
  await tab1.locator('input[name="password"]').fill(alice.password)
  const answered = tab1.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/auth/login')
  await tab1.locator('form button[type="submit"]').click()
  assert((await answered).ok(), 'sign-in answered 200')
  // no wait for the page to move on: reload the moment the answer is in
  await tab1.reload()
  await signedInOnCatalog(tab1, 'after the reload')
  await tab1.reload()
  await signedInOnCatalog(tab1, 'after a second reload')
})

await t.test('no unexpected errors in any page', async () => {
  const errors = [...unexpectedErrors(a.pageErrors, [401]), ...unexpectedErrors(b.pageErrors), ...unexpectedErrors(c.pageErrors), ...unexpectedErrors(cErrors)]
  assert(errors.length === 0, errors.join('\n'))
})

await c.close()
t.finish()
