// Browser test: axe-core finds no accessibility violation on the page an operator sees, in English and Chinese, at
// 1280 px and 390 px, in the light and the dark theme (the system preference, emulated): the sign-in page, Model
// Catalog signed in as admin (block A, and block B after a search), an open dialog, the import dialog with warnings,
// the delete dialog, the details sheet, the nodes view, the stop question, the batch delete and batch import dialogs,
// block A served stale (SIM_URL: Nebula's outage), block B with a hub's error, and the audit page. Each failure
// names the rule, the number of nodes and the first few targets. Also checks the theme: the header switch (System /
// Light / Dark) is remembered, and the page has its theme before any of the app's JavaScript has run.
// Run: BASE_URL=http://127.0.0.1:8080/ node e2e/a11y.mjs   (A11Y_SCHEMES=dark to run one theme only)
import { createRequire } from 'node:module'
import {
  BASE_URL, DESKTOP, NARROW, SIM_URL, assert, assertEqual, createRunner, expectPath, expectVisible, launchOrAbort, screenshot, signIn, sim, url, warmUpHubs,
} from './lib.mjs'

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const LANG_KEY = 'nebula-catalog.lang'
const THEME_KEY = 'nebula-catalog.theme'
const SCHEMES = (process.env.A11Y_SCHEMES || 'light,dark').split(',').map((s) => s.trim()).filter(Boolean)
const LANGS = ['en', 'zh']
const VIEWPORTS = [
  ['1280', DESKTOP],
  ['390', NARROW],
]

const t = createRunner()
console.log(`a11y e2e against ${BASE_URL} (${SCHEMES.join(', ')})`)

/** Runs axe on the whole document; returns the violations as short lines ("rule (n): target, target"). */
async function axeViolations(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE })
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] })
    return r.violations.map((v) => ({
      id: v.id,
      count: v.nodes.length,
      targets: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` [${n.failureSummary.split('\n').slice(1, 2).join('').trim()}]` : ''}`),
    }))
  })
  return result
}

const totals = {}

/** One named check per state: axe at both widths; the state is set up once per language by `prepare`. */
async function checkState(page, scheme, lang, state, { prepare, ready }) {
  for (const [width, viewport] of VIEWPORTS) {
    await t.test(`${scheme} ${lang} ${width}px: ${state} has no axe violations`, async () => {
      await page.setViewportSize(viewport)
      if (width === VIEWPORTS[0][0]) await prepare()
      await ready()
      // let transitions and web fonts settle before colours are measured
      await page.evaluate(() => document.fonts.ready)
      await page.waitForTimeout(250)
      const violations = await axeViolations(page)
      const nodes = violations.reduce((n, v) => n + v.count, 0)
      totals[`${scheme} ${lang} ${width} ${state}`] = nodes
      await screenshot(page, `a11y-${scheme}-${lang}-${width}-${state.replace(/\W+/g, '-')}`)
      assert(
        violations.length === 0,
        `${nodes} node(s): ${violations.map((v) => `${v.id} (${v.count}): ${v.targets.join(' | ')}`).join('; ')}`,
      )
    })
  }
}

async function setLang(page, lang) {
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [LANG_KEY, lang])
}

for (const scheme of SCHEMES) {
  const session = await launchOrAbort({ colorScheme: scheme, bypassCSP: true })
  const { page } = session
  try {
    // signed out: the sign-in page (with the simulator's demo-accounts box)
    await page.goto(url('/sign-in'))
    for (const lang of LANGS) {
      await checkState(page, scheme, lang, 'sign-in', {
        prepare: async () => {
          await setLang(page, lang)
          await page.goto(url('/sign-in'))
        },
        ready: () => expectVisible(page.locator('input[name="username"]'), 'sign-in form'),
      })
    }

    await t.test(`${scheme}: admin signs in`, async () => {
      await setLang(page, 'en')
      await page.goto(url('/model-catalog'))
      await expectPath(page, '/sign-in')
      assertEqual(await signIn(page, 'admin'), '/model-catalog', 'back on Model Catalog')
    })

    for (const lang of LANGS) {
      const searched = async () => {
        await warmUpHubs()
        await setLang(page, lang)
        await page.goto(url('/model-catalog'))
        await expectVisible(page.getByTestId('search-input'), 'search box')
        const answered = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/v2/catalog/search', { timeout: 15_000 })
        await page.getByTestId('search-input').fill('qwen')
        await answered.catch(() => undefined)
      }
      // block A with its rows, block B with results (or its "search unavailable" notice without hub stubs)
      const catalogReady = async () => {
        await expectVisible(page.getByTestId('model-row'), 'block A rows')
        await expectVisible(page.locator('[data-testid="search-result"], [data-testid="hub-search-unavailable"], [data-testid="search-error"]'), 'block B answered')
        await page.locator('[data-testid="search-loading"]').waitFor({ state: 'detached', timeout: 15_000 }).catch(() => undefined)
      }
      await checkState(page, scheme, lang, 'model-catalog', { prepare: searched, ready: catalogReady })

      await checkState(page, scheme, lang, 'dialog', {
        prepare: async () => {
          const download = page.locator('[data-testid="download-button"]:not([aria-disabled])').first()
          if ((await download.count()) > 0) {
            await download.click()
            await expectVisible(page.getByTestId('import-dialog'), 'import dialog')
          } else {
            // no hub results: the details sheet of a downloaded model is the dialog
            await page.getByTestId('model-row').first().getByRole('button', { name: /^Details of |详情/ }).click()
            await expectVisible(page.getByTestId('model-details'), 'details sheet')
          }
        },
        ready: async () => {
          await expectVisible(page.getByRole('dialog'), 'an open dialog')
          await page.locator('[data-testid="preflight"][aria-busy="true"]').waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined)
        },
      })
      await page.keyboard.press('Escape')

      // the states an operator meets beyond the first screen: a pre-flight with warnings for a model the cluster
      // holds, the delete dialog with its paths and notes, the details sheet, and block A served stale
      await checkState(page, scheme, lang, 'import-dialog-with-warnings', {
        prepare: async () => {
          await page.goto(url('/model-catalog?hub_q=qwen'))
          await page.locator('[data-testid="search-result"][data-model-id="Qwen/Qwen2.5-7B-Instruct"] [data-testid="download-button"]').click()
          await expectVisible(page.getByTestId('already-in-cluster'), 'already in the cluster')
        },
        ready: () => expectVisible(page.locator('[data-testid="preflight-ready"], [data-testid="preflight-blocking"]'), 'pre-flight result'),
      })
      await page.keyboard.press('Escape')
      await checkState(page, scheme, lang, 'delete-dialog', {
        prepare: async () => {
          await page.getByTestId('model-row').filter({ hasText: 'qwen-qwen2-5-7b-instruct' }).getByRole('button', { name: /^(Delete|删除) / }).click()
        },
        ready: () => expectVisible(page.getByTestId('delete-paths'), 'delete paths'),
      })
      await page.keyboard.press('Escape')
      await checkState(page, scheme, lang, 'details-sheet', {
        prepare: async () => {
          await page.getByTestId('model-row').filter({ hasText: 'qwen-qwen2-5-7b-instruct' }).getByRole('button', { name: /^Details of |的详情$/ }).click()
        },
        ready: () => expectVisible(page.getByTestId('copy-path'), 'copies with paths'),
      })
      await page.keyboard.press('Escape')
      // the cache manager: the nodes view, a row's stop question, and the two batch dialogs
      await checkState(page, scheme, lang, 'nodes-view', {
        prepare: () => page.goto(url('/model-catalog?view=nodes')),
        ready: () => expectVisible(page.getByTestId('copy-row'), 'cached copies'),
      })
      await checkState(page, scheme, lang, 'lifecycle-dialog', {
        prepare: async () => {
          await page.goto(url('/model-catalog'))
          await page.locator('[data-testid="model-row"] [data-action="stop"]').first().click()
        },
        ready: () => expectVisible(page.getByTestId('files-kept'), 'what Nebula keeps'),
      })
      await page.keyboard.press('Escape')
      await checkState(page, scheme, lang, 'batch-delete-dialog', {
        prepare: async () => {
          const boxes = page.getByTestId('select-row')
          await boxes.nth(0).check()
          await boxes.nth(1).check()
          await page.getByTestId('batch-delete-open').click()
        },
        ready: () => expectVisible(page.getByTestId('batch-delete-dialog').getByTestId('delete-paths'), 'the combined impact'),
      })
      await page.keyboard.press('Escape')
      await checkState(page, scheme, lang, 'batch-import-dialog', {
        prepare: async () => {
          await page.goto(url('/model-catalog?hub_q=qwen'))
          const boxes = page.getByTestId('select-result')
          await boxes.nth(0).check()
          await boxes.nth(2).check()
          await page.getByTestId('batch-import-open').click()
        },
        ready: async () => {
          await expectVisible(page.getByTestId('batch-item').nth(1).getByTestId('fit'), 'each model with its fit')
          await page.locator('[data-testid="batch-item"][aria-busy="true"]').first().waitFor({ state: 'detached', timeout: 10_000 }).catch(() => undefined)
        },
      })
      await page.keyboard.press('Escape')
      if (SIM_URL) {
        await checkState(page, scheme, lang, 'stale-banner', {
          prepare: async () => {
            await sim('/_sim/chaos', { outage: 'reset' })
            await page.goto(url('/model-catalog'))
          },
          // the first answer may come from a snapshot young enough to serve while its refresh fails; the next
          // automatic refresh (10 s) brings the stale one
          ready: () => page.getByTestId('stale-banner').waitFor({ state: 'visible', timeout: 30_000 }),
        })
        await sim('/_sim/chaos', { outage: 'none' })
      }

      // block B when the hub refuses: the stubbed Hugging Face rate-limits "hub-busy" as it really does
      await checkState(page, scheme, lang, 'hub error', {
        prepare: async () => {
          const answered = page.waitForResponse((r) => new URL(r.url()).searchParams.get('q') === 'hub-busy', { timeout: 15_000 })
          await page.goto(url('/model-catalog?hub_q=hub-busy'))
          await answered
        },
        ready: () => expectVisible(page.getByTestId('search-error'), 'the hub error'),
      })
      await warmUpHubs() // the refusal is the hub's latest answer: a success again, for what follows

      await checkState(page, scheme, lang, 'audit', {
        prepare: () => page.goto(url('/audit')),
        ready: () => expectVisible(page.getByTestId('audit-row'), 'audit records'),
      })
    }

    await t.test(`${scheme}: the theme switch is remembered and applied before the app's scripts run`, async () => {
      const other = scheme === 'dark' ? 'light' : 'dark'
      await page.evaluate(([key, value]) => localStorage.setItem(key, value), [THEME_KEY, other])
      // no script of the bundle runs: what the browser paints first already has the chosen theme
      await page.route('**/*', (route) => {
        const request = route.request()
        const path = new URL(request.url()).pathname
        if (request.resourceType() === 'script' && !path.endsWith('/theme.js')) return route.abort()
        return route.continue()
      })
      await page.goto(url('/model-catalog'))
      const early = await page.evaluate(() => document.documentElement.className)
      await page.unroute('**/*')
      assert(early.split(' ').includes(other), `the html element has class "${other}" without the app bundle, got "${early}"`)
      await page.goto(url('/model-catalog'))
      await expectVisible(page.getByTestId('theme-switch'), 'theme switch')
      assert((await page.evaluate(() => document.documentElement.className)).includes(other), `${other} after the app has started`)
      // back to System: the emulated preference wins again
      await page.getByTestId('theme-switch').click()
      await page.getByRole('menuitemradio', { name: /System|跟随系统/ }).click()
      assertEqual(await page.evaluate((key) => localStorage.getItem(key), THEME_KEY), 'system', 'remembered choice')
      assert((await page.evaluate(() => document.documentElement.className)).includes(scheme), `${scheme} when following the system`)
    })
  } finally {
    await session.close()
  }
}

console.log(`axe nodes per state: ${JSON.stringify(totals)}`)
t.finish()
