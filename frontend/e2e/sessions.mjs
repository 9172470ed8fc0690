// Browser test: one user's ended Nebula session never signs out another. Alice and Bob each have the Model Catalog
// open in their own browser; Alice's Nebula session ends elsewhere (a logout in another tab). Both pages refresh at
// the same moment, on a slow Nebula so that they share one refresh of the model list: Bob keeps working, Alice alone
// is asked to sign in again. Needs the simulator (SIM_URL).
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

await t.test('no unexpected errors in either page', async () => {
  const errors = [...unexpectedErrors(a.page && a.pageErrors, [401]), ...unexpectedErrors(b.pageErrors)]
  assert(errors.length === 0, errors.join('\n'))
})

await a.close()
await b.close()
t.finish()
