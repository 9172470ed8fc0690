// Shared helpers for the browser tests: launch Debian's Chromium through playwright-core, run named checks,
// take screenshots, and print the closing "N passed, M failed" line that CI reads.
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = (process.env.BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/')
export const RESULTS_DIR = fileURLToPath(new URL('../test-results/', import.meta.url))
export const DESKTOP = { width: 1280, height: 900 }
export const NARROW = { width: 390, height: 844 }

const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** URL of a path of the app under test, e.g. url('/model-catalog'). */
export function url(path = '/') {
  return new URL(path.replace(/^\//, ''), BASE_URL).toString()
}

/**
 * Starts Chromium with a fresh profile. Returns { context, page, pageErrors, close }.
 * `pageErrors` collects uncaught exceptions and console errors so a test can assert there were none.
 * `colorScheme` ('light' | 'dark' | 'no-preference') is the emulated system preference; Chromium's own default
 * when left out. `bypassCSP` lets a test inject its own scripts (axe-core) into a page whose CSP forbids them.
 */
export async function launch({ viewport = DESKTOP, locale = 'en-US', colorScheme, bypassCSP = false } = {}) {
  const userDataDir = mkdtempSync(join(tmpdir(), 'catalog-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale,
    ...(colorScheme ? { colorScheme } : {}),
    ...(bypassCSP ? { bypassCSP } : {}),
  })
  context.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 10_000))
  const page = context.pages()[0] ?? (await context.newPage())
  const pageErrors = []
  page.on('pageerror', (error) => pageErrors.push(`page error: ${error.message}`))
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`console error: ${message.text()}`)
  })
  return {
    context,
    page,
    pageErrors,
    async close() {
      await context.close().catch(() => {})
      rmSync(userDataDir, { recursive: true, force: true })
    },
  }
}

/** Ends the flow as one failed check, in the runner's closing-line format. */
export function abort(reason) {
  console.error(reason)
  console.log('0 passed, 1 failed')
  process.exit(1)
}

/** {@link launch}, or the flow ends as one failed check when Chromium cannot start. */
export async function launchOrAbort(options) {
  try {
    return await launch(options)
  } catch (error) {
    abort(`cannot start Chromium: ${error.message}`)
  }
}

/** Full-page PNG in frontend/test-results/<name>.png; returns its path. */
export async function screenshot(page, name) {
  mkdirSync(RESULTS_DIR, { recursive: true })
  const path = join(RESULTS_DIR, `${name}.png`)
  await page.evaluate(() => window.scrollTo(0, 0))
  await page.screenshot({ path, fullPage: true })
  return path
}

export class AssertionError extends Error {}

export function assert(condition, message) {
  if (!condition) throw new AssertionError(message)
}

export function assertEqual(actual, expected, what) {
  if (actual !== expected) throw new AssertionError(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`)
}

/** Waits until the locator is visible (the locator's own timeout applies). */
export async function expectVisible(locator, what) {
  try {
    await locator.first().waitFor({ state: 'visible' })
  } catch {
    throw new AssertionError(`${what} is not visible`)
  }
}

/** Waits until the page's path equals `path`. */
export async function expectPath(page, path) {
  try {
    await page.waitForURL((u) => u.pathname === path)
  } catch {
    throw new AssertionError(`expected path ${path}, page is at ${new URL(page.url()).pathname}`)
  }
}

/** True when the page has no horizontal scrolling at the current viewport. */
/**
 * Presses a block's Refresh and waits for its answer (200) and the render that follows: block A
 * ('downloaded-models') or the nodes view ('nodes').
 */
export async function refreshBlock(page, block = 'downloaded-models') {
  const path = block === 'nodes' ? '/api/v2/catalog/nodes' : '/api/v2/catalog/models'
  const answered = page.waitForResponse((r) => new URL(r.url()).pathname === path && r.request().method() === 'GET')
  await page.getByTestId(block).getByRole('button', { name: 'Refresh' }).click()
  assertEqual((await answered).status(), 200, `${path} status`)
  await page.waitForTimeout(300)
}

export async function fitsViewportWidth(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)
}

/**
 * A minimal sequential runner: `await t.test('name', async () => …)` records pass/fail and keeps going;
 * `t.finish()` prints each failure and the closing line, and sets the exit code.
 */
export function createRunner() {
  let passed = 0
  const failures = []
  return {
    async test(name, fn) {
      const started = Date.now()
      try {
        await fn()
        passed += 1
        console.log(`ok   ${name} (${Date.now() - started} ms)`)
      } catch (error) {
        failures.push({ name, error })
        console.log(`FAIL ${name}: ${error?.message ?? error}`)
      }
    },
    finish() {
      for (const { name, error } of failures) {
        if (!(error instanceof AssertionError) && error?.stack) console.error(`\n${name}\n${error.stack}`)
      }
      console.log(`${passed} passed, ${failures.length} failed`)
      process.exitCode = failures.length === 0 ? 0 : 1
    },
  }
}

/** The simulator's demo accounts (shown on the sign-in page when Nebula is simulated). */
export const DEMO_ACCOUNTS = {
  viewer: { username: 'viewer', password: 'viewer123' },
  operator: { username: 'operator', password: 'operator123' },
  admin: { username: 'admin', password: 'admin123' },
}

/**
 * Signs in on the sign-in page the browser is on (any language): fills the fields, submits and waits until the
 * page has left /sign-in. Returns the path it landed on.
 */
export async function signIn(page, role) {
  const { username, password } = DEMO_ACCOUNTS[role]
  await page.locator('input[name="username"]').fill(username)
  await page.locator('input[name="password"]').fill(password)
  await page.locator('form button[type="submit"]').click()
  try {
    await page.waitForURL((u) => u.pathname !== '/sign-in')
  } catch {
    const error = await page.getByTestId('sign-in-error').innerText().catch(() => 'no error shown')
    throw new AssertionError(`signing in as ${role} did not leave /sign-in (${error})`)
  }
  return new URL(page.url()).pathname
}

/** Signs out through the user menu and waits for the sign-in page. */
export async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByRole('menuitem', { name: /Sign out|退出登录/ }).click()
  await expectPath(page, '/sign-in')
}

/** Page errors except the browser's own log lines for answers a test provoked on purpose (e.g. a 401 at sign-in). */
export function unexpectedErrors(pageErrors, allowedStatuses = []) {
  return pageErrors.filter(
    (e) => !allowedStatuses.some((s) => e.includes(`Failed to load resource: the server responded with a status of ${s}`)),
  )
}

/**
 * One direct search on each hub, so their health in /capabilities is a current success: earlier tests in the same
 * service may have left a newer failure, which would make the page offer only the other hub, or collapse block B into
 * its notice. The query is new each time (the hub stubs answer "warm-up-…" with an empty page): an answer from
 * the service's search cache would not reach the hub, and so would not count as its success.
 */
export async function warmUpHubs() {
  const headers = { Authorization: `Bearer ${await apiLogin('viewer')}` }
  const query = `warm-up-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`
  for (const provider of ['modelscope', 'huggingface']) {
    const response = await fetch(url(`/api/v2/catalog/search?provider=${provider}&q=${query}`), { headers })
    assertEqual(response.status, 200, `direct ${provider} search for "${query}"`)
  }
}

/** Opens the catalog signed out, signs in as an operator and searches Hugging Face for "qwen" (hubs warmed up). */
export async function operatorSearchesQwen(page) {
  await warmUpHubs()
  await page.goto(url('/model-catalog'))
  await expectPath(page, '/sign-in')
  await signIn(page, 'operator')
  const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === 'qwen')
  await page.getByTestId('search-input').fill('qwen')
  assertEqual((await answered).status(), 200, 'search status')
}

/** The catalog's own sign-in over HTTP (for direct API calls next to the browser); returns the bearer token. */
export async function apiLogin(role) {
  const response = await fetch(url('/api/v2/catalog/auth/login'), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(DEMO_ACCOUNTS[role]),
  })
  if (!response.ok) throw new Error(`login as ${role} answered ${response.status}`)
  return (await response.json()).token
}

/** The simulator the service talks to (flows that move simulated time or inspect Nebula's side need it). */
export const SIM_URL = (process.env.SIM_URL || '').replace(/\/$/, '')

/** A call to the simulator: its /_sim control endpoints, or Nebula's own API with a Nebula token. */
export async function sim(path, body, token) {
  const response = await fetch(`${SIM_URL}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  assert(response.ok, `simulator ${path} answered ${response.status}`)
  return response.json()
}

/** Moves the simulator's clock forward: downloads, scheduling and engine start happen as if that time had passed. */
export const advanceSimTime = (seconds) => sim('/_sim/time', { advance_seconds: seconds })
