import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import type { Role } from '@/lib/types'
import { jsonResponse, renderApp, sampleCapabilities, sampleUsers, stubFetch } from '@/test/render-app'

/**
 * Answers per endpoint: capabilities with `caps` (and `status` / `headers`), `/auth/me` with the signed-in
 * role's user, block B's search with an empty page; anything else is a 404 (so a test notices a stray call).
 */
const answerWith =
  (caps: unknown, { status = 200, headers = {}, role = 'viewer' }: { status?: number; headers?: Record<string, string>; role?: Role } = {}) =>
  (request: Request) => {
    const path = new URL(request.url).pathname
    if (path === '/api/v2/catalog/capabilities') return jsonResponse(caps, status, headers)
    if (path === '/api/v2/catalog/auth/me') return jsonResponse({ user: sampleUsers[role] })
    if (path === '/api/v2/catalog/search') {
      return jsonResponse({ provider: 'huggingface', page: 1, limit: 20, items: [], has_more: false, total: null, next_cursor: null })
    }
    return jsonResponse({ error: { code: 'not_found', message: `No stub for ${path}`, request_id: 'r-404' } }, 404)
  }

describe('Model Catalog page', () => {
  it('shows the title and both block headings in English', async () => {
    stubFetch(answerWith(sampleCapabilities))
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Downloaded models' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Search Hugging Face / ModelScope' })).toBeTruthy()
    expect(screen.getAllByText('Not available yet')).toHaveLength(1)
    await screen.findByText('Version 1.2.3-test')
  })

  it('shows the title and both block headings in Chinese', async () => {
    stubFetch(answerWith(sampleCapabilities))
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: '模型目录' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: '已下载模型' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: '模型源检索' })).toBeTruthy()
    await screen.findByText('版本 1.2.3-test')
    expect(screen.getByText('已连接到内置的 Nebula 模拟器')).toBeTruthy()
  })

  it('asks the capabilities endpoint once and shows what it reports', async () => {
    const fetchMock = stubFetch(answerWith(sampleCapabilities))
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    const service = await screen.findByTestId('cap-service')
    expect(within(service).getByText('nebula-model-catalog')).toBeTruthy()
    expect(within(service).getByText('Version 1.2.3-test')).toBeTruthy()
    expect(within(screen.getByTestId('cap-database')).getByText('Reachable')).toBeTruthy()

    const nebula = screen.getByTestId('cap-nebula')
    expect(within(nebula).getByText('nebula-sim.local:18091')).toBeTruthy()
    expect(within(nebula).getByText('Configured')).toBeTruthy()
    expect(within(nebula).getByText('Simulator')).toBeTruthy()

    const hf = screen.getByTestId('cap-hub-huggingface')
    expect(within(hf).getByRole('heading', { name: 'Hugging Face' })).toBeTruthy()
    expect(within(hf).getByText('hf-mirror.com')).toBeTruthy()
    expect(within(hf).getByText('Enabled')).toBeTruthy()
    expect(within(hf).getByText('No token')).toBeTruthy()

    const ms = screen.getByTestId('cap-hub-modelscope')
    expect(within(ms).getByText('Disabled')).toBeTruthy()
    expect(within(ms).getByText('Token set')).toBeTruthy()

    expect(screen.getByTestId('simulator-banner').textContent).toContain('Connected to the built-in Nebula simulator')
    const capsCalls = fetchMock.mock.calls.filter(([r]) => new URL((r as Request).url).pathname === '/api/v2/catalog/capabilities')
    expect(capsCalls).toHaveLength(1)
  })

  it('says when Nebula and the database cannot be reached, with their reasons, and shows no simulator banner', async () => {
    stubFetch(
      answerWith({
        ...sampleCapabilities,
        database: { reachable: false, error: 'connection refused' },
        nebula: { configured: true, simulated: false, url_host: 'nebula.prod:18090', reachable: false, error: 'timed out after 2 s' },
      }),
    )
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    const database = await screen.findByTestId('cap-database')
    expect(within(database).getByText('Unreachable')).toBeTruthy()
    expect(within(database).getByText('connection refused')).toBeTruthy()
    const nebula = screen.getByTestId('cap-nebula')
    expect(within(nebula).getByText('Unreachable')).toBeTruthy()
    expect(within(nebula).getByText('timed out after 2 s')).toBeTruthy()
    expect(screen.queryByTestId('simulator-banner')).toBeNull()
  })

  it('shows the API error message and request id when the service answers 503', async () => {
    stubFetch(
      answerWith(
        { error: { code: 'service_unavailable', message: 'The database is not reachable.', request_id: 'req-7f3a' } },
        { status: 503, headers: { 'X-Request-Id': 'req-7f3a' } },
      ),
    )
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    const alert = await screen.findByTestId('capability-error')
    expect(within(alert).getByText('Could not load the service status')).toBeTruthy()
    expect(within(alert).getByText('The database is not reachable.')).toBeTruthy()
    expect(within(alert).getByText('req-7f3a')).toBeTruthy()
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('shows the loading state while the status is on its way', () => {
    stubFetch(() => new Promise<Response>(() => {}))
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    expect(screen.getByRole('status').textContent).toContain('Checking the service status')
  })
})
