// Browser test of a model's life in block A against the real service and simulator: a model that starts
// downloading shows its bytes growing, turns running, fails when its node crashes (naming the node) and runs again
// when the node is back, and an admin deletes it after typing its uid — the row is gone.
// Needs SIM_URL (the simulator the service talks to) to start the model and move simulated time forward.
// Run: BASE_URL=http://127.0.0.1:8080/ SIM_URL=http://127.0.0.1:18090 node e2e/lifecycle.mjs
import { BASE_URL, SIM_URL, abort, advanceSimTime as advance, assert, createRunner, expectVisible, launchOrAbort, refreshBlock, screenshot, signIn, signOut, sim, unexpectedErrors, url } from './lib.mjs'

const t = createRunner()
console.log(`lifecycle e2e against ${BASE_URL} (simulator ${SIM_URL || 'unknown'})`)
if (!SIM_URL) abort('SIM_URL is required')
const session = await launchOrAbort()
const { page, pageErrors } = session
const stamp = Date.now().toString(36)
const uid = `e2e-life-${stamp}`
const name = `e2e-org/Life-${stamp}-7B`
const node = 'gpu-node-03'

const row = () => page.getByTestId('model-row').filter({ hasText: uid })

const refresh = () => refreshBlock(page)

await t.test('a new model shows its download bytes growing', async () => {
  const { token } = await sim('/api/auth/login', { username: 'admin', password: 'admin123' })
  await sim('/api/v2/models', { model_name: name, model_uid: uid, model_source: 'hugging_face', auto_start: true, node_id: node }, token)
  await advance(5)
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'admin')
  await page.getByLabel('Search models').fill(uid)
  await page.waitForTimeout(800)
  await refresh()
  await expectVisible(row(), 'the new model row')
  await expectVisible(row().getByText('Downloading'), 'state Downloading')
  const before = await row().innerText()
  await advance(6)
  await refresh()
  const after = await row().innerText()
  assert(before !== after, `progress did not change:\n${before}\n---\n${after}`)
  await screenshot(page, 'lifecycle-downloading-en')
})

await t.test('the download completes and the model turns running', async () => {
  await advance(600)
  await refresh()
  await expectVisible(row().getByText('Running'), 'state Running')
  await screenshot(page, 'lifecycle-running-en')
})

await t.test('its node crashes: the row names the node that stopped reporting; back, the model runs again', async () => {
  await advance(600) // it has been running for a while: the last start is long past
  await sim('/_sim/nodes', { node_id: node, alive: false })
  try {
    await advance(70) // past the 60 s lease of the node record and its endpoints
    await refresh()
    await expectVisible(row().getByText('Failed'), 'state Failed')
    const text = await row().innerText()
    assert(text.includes(`${node} stopped reporting`), `the row names the lost node, got:\n${text}`)
    assert(!text.includes('within 5 minutes'), `not blamed on the last start, got:\n${text}`)
    await screenshot(page, 'lifecycle-node-lost-en')
  } finally {
    await sim('/_sim/nodes', { node_id: node, alive: true })
  }
  await advance(300)
  await refresh()
  await expectVisible(row().getByText('Running'), 'Running again once the node is back')
  assert(!(await row().innerText()).includes('stopped reporting'), 'no error once it runs again')
})

await t.test('an admin deletes it after typing the uid, and the row is gone', async () => {
  await row().getByRole('button', { name: /^Delete / }).click()
  const dialog = page.getByTestId('delete-dialog')
  await expectVisible(dialog.getByTestId('delete-impact'), 'delete impact')
  await dialog.getByRole('textbox').fill(uid)
  await dialog.getByRole('button', { name: 'Delete model' }).click()
  await dialog.waitFor({ state: 'detached' })
  await refresh()
  await row().first().waitFor({ state: 'detached' }).catch(() => assert(false, 'the deleted row is still listed'))
  await signOut(page)
})

await t.test('no uncaught errors in the page', async () => {
  // after the delete, reads of the deleted model answer 404 by design
  const errors = unexpectedErrors(pageErrors, [404])
  assert(errors.length === 0, errors.join('\n'))
})

await session.close()
t.finish()
