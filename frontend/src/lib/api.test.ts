import { describe, expect, it } from 'vitest'
import { ApiError, catalog } from '@/lib/api'
import { tokenStore } from '@/lib/auth-token'
import { jsonResponse, sampleCapabilities, stubFetch } from '@/test/render-app'

describe('catalog API client', () => {
  it('returns the parsed capabilities', async () => {
    stubFetch(() => jsonResponse(sampleCapabilities))
    await expect(catalog.capabilities()).resolves.toEqual(sampleCapabilities)
  })

  it('turns our error body into an ApiError with code, message and request id', async () => {
    stubFetch(() =>
      jsonResponse({ error: { code: 'nebula_unreachable', message: 'Nebula did not answer', request_id: 'abc-1' } }, 502),
    )
    const error = await catalog.capabilities().catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: 502, code: 'nebula_unreachable', message: 'Nebula did not answer', requestId: 'abc-1' })
  })

  it('still reports status and the X-Request-Id header when a proxy answers with HTML', async () => {
    stubFetch(
      () =>
        new Response('<html>Bad gateway</html>', {
          status: 502,
          statusText: 'Bad Gateway',
          headers: { 'Content-Type': 'text/html', 'X-Request-Id': 'edge-9' },
        }),
    )
    const error = await catalog.capabilities().catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, code: 'http_502', message: 'HTTP 502 Bad Gateway', requestId: 'edge-9' })
  })

  it('reports a network failure as status 0', async () => {
    stubFetch(() => {
      throw new TypeError('Failed to fetch')
    })
    const error = await catalog.capabilities().catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 0, code: 'network_error', message: 'Failed to fetch' })
  })

  it('sends the signed-in user’s token, and none when signed out', async () => {
    const fetchMock = stubFetch(() => jsonResponse(sampleCapabilities))
    await catalog.capabilities()
    expect((fetchMock.mock.calls[0][0] as Request).headers.get('Authorization')).toBeNull()

    tokenStore.set('t0k3n')
    await catalog.capabilities()
    expect((fetchMock.mock.calls[1][0] as Request).headers.get('Authorization')).toBe('Bearer t0k3n')
  })
})
