import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '@/api/schema'
import { tokenStore } from '@/lib/auth-token'
import type { Capabilities, ErrorResponse } from '@/lib/types'

/**
 * An error answered by our API (`{"error":{code,message,request_id,details?}}`), or a failure to
 * reach it at all (`status` 0, code `network_error`). Components show `message` and `requestId`.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string | null
  readonly details: Record<string, unknown> | undefined

  constructor(init: {
    status: number
    code: string
    message: string
    requestId?: string | null
    details?: Record<string, unknown>
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId ?? null
    this.details = init.details
  }
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const error = (body as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
}

/** Turns a non-2xx answer into an ApiError, also when a proxy answered with something that is not our error shape. */
export function toApiError(response: Response, body: unknown): ApiError {
  const headerId = response.headers.get('X-Request-Id')
  if (isErrorResponse(body)) {
    return new ApiError({
      status: response.status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.request_id || headerId,
      details: body.error.details,
    })
  }
  return new ApiError({
    status: response.status,
    code: 'http_' + response.status,
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    requestId: headerId,
  })
}

const authMiddleware: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get()
    if (token) request.headers.set('Authorization', `Bearer ${token}`)
    return request
  },
}

/**
 * The typed HTTP client. `fetch` is bound late so tests can stub `globalThis.fetch` after import, and the
 * base URL is absolute because a relative one does not resolve in DOM test environments.
 */
export const http = createClient<paths>({
  baseUrl: globalThis.location?.origin ?? '',
  fetch: (request: Request) => globalThis.fetch(request),
})
http.use(authMiddleware)

async function call<T>(
  run: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await run()
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: cause instanceof Error ? cause.message : String(cause),
    })
  }
  const { data, error, response } = result
  if (!response.ok || error !== undefined) throw toApiError(response, error)
  return data as T
}

/** Every call the page makes to our API. Components never call fetch themselves. */
export const catalog = {
  capabilities(signal?: AbortSignal): Promise<Capabilities> {
    return call(() => http.GET('/api/v2/catalog/capabilities', { signal }))
  },
}
