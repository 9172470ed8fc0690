import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { jsonResponse, renderApp, sampleCapabilities, stubApi } from '@/test/render-app'

/** Hugging Face as capabilities report it after a failed call, with the failure's code. */
function failingHuggingFace(reason: string) {
  return {
    provider: 'huggingface',
    enabled: true,
    reachable: false,
    endpoint_variable: 'HF_ENDPOINT',
    base_url_host: 'huggingface.co',
    token_configured: false,
    last_failure_reason: reason,
    circuit: 'closed',
  }
}

describe('Model Catalog page', () => {
  it('shows the title and both block headings in English', async () => {
    stubApi()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: 'Downloaded models' })).toBeTruthy()
    expect(await screen.findByRole('heading', { level: 2, name: 'Search Hugging Face / ModelScope' })).toBeTruthy()
    await screen.findByText('Version 1.2.3-test')
  })

  it('shows the title and both block headings in Chinese, the simulator said in Chinese', async () => {
    stubApi()
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })

    expect(screen.getByRole('heading', { level: 1, name: '模型目录' })).toBeTruthy()
    expect(screen.getByRole('heading', { level: 2, name: '已下载模型' })).toBeTruthy()
    expect(await screen.findByRole('heading', { level: 2, name: '模型源检索' })).toBeTruthy()
    await screen.findByText('版本 1.2.3-test')
    expect(screen.getByText(/^模拟集群：/)).toBeTruthy()
  })

  it('asks the capabilities endpoint once and says in one line what is reachable, in words', async () => {
    const fetchMock = stubApi()
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    await screen.findByText('Version 1.2.3-test')

    expect(within(screen.getByTestId('cap-database')).getByText('Reachable')).toBeTruthy()
    const nebula = screen.getByTestId('cap-nebula')
    expect(within(nebula).getByText('Reachable')).toBeTruthy()
    expect(within(nebula).getByText('Simulator')).toBeTruthy()
    expect(within(screen.getByTestId('cap-hub-huggingface')).getByText('Reachable')).toBeTruthy()
    // disabled in the configuration: not green, not "enabled"
    expect(within(screen.getByTestId('cap-hub-modelscope')).getByText('Disabled')).toBeTruthy()
    const paths = fetchMock.mock.calls.map((c) => new URL((c[0] as Request).url).pathname)
    expect(paths.filter((p) => p === '/api/v2/catalog/capabilities')).toHaveLength(1)
  })

  it('agrees with block A and B when things are down: says what it means and how to point a hub at a mirror', async () => {
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse({
          ...sampleCapabilities,
          database: { reachable: false, error: 'org.postgresql.util.PSQLException: Connection refused' },
          nebula: { configured: true, simulated: false, url_host: 'nebula.prod:18090', reachable: false, error: 'java.net.ConnectException: timed out' },
          hubs: [failingHuggingFace('hub_unreachable')],
        }),
    })
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })

    expect(within(await screen.findByTestId('cap-database')).getByText('无法连接')).toBeTruthy()
    expect(within(screen.getByTestId('cap-nebula')).getByText('无法连接')).toBeTruthy()
    expect(screen.getByTestId('nebula-down').textContent).toContain('最近一次获取的数据')
    const hub = screen.getByTestId('hub-down-huggingface')
    expect(hub.textContent).toContain('HF_ENDPOINT')
    expect(hub.textContent).toContain('无法连接 Hugging Face')
    // no exception names, no simulator note
    expect(document.body.textContent).not.toMatch(/Exception|PSQL/)
    expect(screen.queryByTestId('simulator-badge')).toBeNull()
  })

  it('says a hub that refused is refusing, not unreachable, and points at its token rather than a mirror', async () => {
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse({
          ...sampleCapabilities,
          hubs: [failingHuggingFace('hub_rate_limited')],
        }),
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })

    expect(within(await screen.findByTestId('cap-hub-huggingface')).getByText('Refusing requests')).toBeTruthy()
    const hub = screen.getByTestId('hub-down-huggingface')
    expect(hub.textContent).toContain('Hugging Face is rate-limiting the catalog. A hub token raises the quota.')
    expect(hub.textContent).toContain('Token: none')
    expect(hub.textContent).not.toContain('HF_ENDPOINT')
  })

  it('shows a failed status call in the reader’s language with its request id, never the server’s English', async () => {
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse(
          { error: { code: 'database_unavailable', message: 'The database is not reachable.', request_id: 'req-7f3a' } },
          503,
          { 'X-Request-Id': 'req-7f3a' },
        ),
    })
    renderApp({ path: '/model-catalog', lang: 'zh', role: 'viewer' })

    const alert = await screen.findByTestId('capability-error')
    expect(within(alert).getByText('无法读取服务状态。')).toBeTruthy()
    expect(within(alert).getByText(/模型目录的数据库没有响应/)).toBeTruthy()
    expect(alert.textContent).not.toContain('The database is not reachable.')
    expect(within(alert).getByText('req-7f3a')).toBeTruthy()
    expect(within(alert).getByRole('button', { name: '重试' })).toBeTruthy()
  })
})
