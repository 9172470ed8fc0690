import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, renderApp, sampleCapabilities, stubApi } from '@/test/render-app'

describe('Model Catalog page', () => {
  it('shows the title and both block headings in English', async () => {
    stubApi()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Downloaded models' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Search Hugging Face / ModelScope' })).toBeTruthy()
    expect(screen.queryByText('Not available yet')).toBeNull()
    await screen.findByText('Version 1.2.3-test')
  })

  it('shows the title and both block headings in Chinese', async () => {
    stubApi()
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: '模型目录' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: '已下载模型' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: '模型源检索' })).toBeTruthy()
    await screen.findByText('版本 1.2.3-test')
    expect(screen.getByText('已连接到内置的 Nebula 模拟器')).toBeTruthy()
  })

  it('asks the capabilities endpoint once and shows what it reports', async () => {
    const fetchMock = stubApi()
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
    const paths = fetchMock.mock.calls.map((c) => new URL((c[0] as Request).url).pathname)
    expect(paths.filter((p) => p === '/api/v2/catalog/capabilities')).toHaveLength(1)
  })

  it('says when Nebula and the database cannot be reached, with their reasons, and shows no simulator banner', async () => {
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse({
          ...sampleCapabilities,
          database: { reachable: false, error: 'connection refused' },
          nebula: { configured: true, simulated: false, url_host: 'nebula.prod:18090', reachable: false, error: 'timed out after 2 s' },
        }),
    })
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
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse(
          { error: { code: 'service_unavailable', message: 'The database is not reachable.', request_id: 'req-7f3a' } },
          503,
          { 'X-Request-Id': 'req-7f3a' },
        ),
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    const alert = await screen.findByRole('alert')
    expect(within(alert).getByText('Could not load the service status')).toBeTruthy()
    expect(within(alert).getByText('The database is not reachable.')).toBeTruthy()
    expect(within(alert).getByText('req-7f3a')).toBeTruthy()
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeTruthy()
  })

  it('shows the loading state while the status is on its way', () => {
    stubApi({ '/api/v2/catalog/capabilities': () => new Promise<Response>(() => {}) })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    expect(screen.getAllByRole('status')[0].textContent).toContain('Checking the service status')
  })
})
