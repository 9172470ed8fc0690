// Counts what the Model Catalog page asks the service for while it sits open: signs in as a viewer, waits for the
// first load to settle, then records every /api request for a few automatic-refresh periods (block A refreshes every
// 10 s). Prints one line for bench/run.sh: requests_per_refresh=… list_per_refresh=… window_s=… requests=…
// Run: BASE_URL=http://127.0.0.1:18281/ node bench/refresh-requests.mjs   (needs frontend/node_modules and Chromium)
import { launch, signIn, url } from '../frontend/e2e/lib.mjs'

const PERIOD_S = 10
const PERIODS = Number(process.env.REFRESH_PERIODS || 3)

const session = await launch()
const { page } = session
try {
  await page.goto(url('/sign-in?next=/model-catalog'))
  await signIn(page, 'viewer')
  await page.getByTestId('model-row').first().waitFor({ state: 'visible', timeout: 30_000 })
  await page.waitForTimeout(2_000) // the first load's requests (capabilities, list, …) are done
  const seen = []
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname
    if (path.startsWith('/api/')) seen.push(path)
  })
  await page.waitForTimeout(PERIODS * PERIOD_S * 1000)
  const list = seen.filter((p) => p === '/api/v2/catalog/models').length
  console.log(`requests_per_refresh=${(seen.length / PERIODS).toFixed(2)} list_per_refresh=${(list / PERIODS).toFixed(2)} ` +
    `window_s=${PERIODS * PERIOD_S} requests=${seen.length} paths=${[...new Set(seen)].join(',')}`)
} finally {
  await session.close()
}
