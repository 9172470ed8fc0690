// Browser test of block A (downloaded models) against the real service and simulator: the list, role-gated
// delete, the details sheet and the delete dialog's impact (cancelled: the simulator's models stay for other flows).
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/models.mjs
import { BASE_URL, DESKTOP, NARROW, assert, assertEqual, createRunner, expectVisible, fitsViewportWidth, launchOrAbort, screenshot, signIn, signOut, url } from './lib.mjs'

const t = createRunner()
console.log(`models e2e against ${BASE_URL}`)
const session = await launchOrAbort()
const { page, pageErrors } = session
const rows = () => page.getByTestId('model-row')

await t.test('viewer sees the models with sizes and states, and Delete disabled with the reason', async () => {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'viewer')
  await expectVisible(rows(), 'model rows')
  const text = (await rows().allInnerTexts()).join('\n')
  assert(/\d(\.\d)? (GB|MB|KB|B)\b/.test(text), 'rows show sizes')
  assert(/Running|Stopped|Downloading|Failed|Cached/.test(text), 'rows show states')
  const del = rows().getByRole('button', { name: /^Delete / }).first()
  assertEqual(await del.getAttribute('aria-disabled'), 'true', 'Delete for a viewer')
  await del.focus()
  await expectVisible(page.getByRole('tooltip').filter({ hasText: 'Requires the admin role — you are signed in as viewer' }), 'reason tooltip')
  await page.getByTestId('downloaded-models').scrollIntoViewIfNeeded()
  await screenshot(page, 'models-desktop-en')
})

await t.test('at 390 px in Chinese the list reads as cards without sideways scrolling', async () => {
  await page.getByRole('button', { name: '中文' }).click()
  await page.setViewportSize(NARROW)
  await expectVisible(rows(), 'rows (narrow)')
  assert(await fitsViewportWidth(page), 'page is wider than 390 px')
  await screenshot(page, 'models-narrow-zh')
  await page.getByRole('button', { name: 'English' }).click()
  await page.setViewportSize(DESKTOP)
  await signOut(page)
})

await t.test('admin opens details and the delete dialog with its impact, then cancels', async () => {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'admin')
  const row = rows().filter({ hasText: 'Running' }).filter({ has: page.getByRole('button', { name: /^Delete / }) }).first()
  await expectVisible(row, 'a deletable row')
  await row.getByRole('button', { name: /^Details of / }).click()
  await expectVisible(page.getByTestId('model-details'), 'details sheet')
  await page.waitForTimeout(500)
  await screenshot(page, 'models-details-desktop-en')
  await page.keyboard.press('Escape')
  await row.getByRole('button', { name: /^Delete / }).click()
  const dialog = page.getByTestId('delete-dialog')
  await expectVisible(dialog.getByTestId('delete-impact'), 'delete impact')
  const confirm = dialog.getByRole('button', { name: 'Delete model' })
  assert(await confirm.isDisabled(), 'confirm stays disabled until the uid is typed')
  await screenshot(page, 'models-delete-desktop-en')
  await dialog.getByRole('button', { name: 'Cancel' }).click()
  await signOut(page)
})

await t.test('no uncaught errors in the page', async () => {
  assert(pageErrors.length === 0, pageErrors.join('\n'))
})

await session.close()
t.finish()
