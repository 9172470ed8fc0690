import { ApiError, http, toApiError } from '@/lib/api'
import type { Me, ModelMetadata, Provider, SearchPage, SearchParams } from './types'

/** An API error that may say when to try again (503 hub_rate_limited carries Retry-After). */
export class HubApiError extends ApiError {
  readonly retryAfterSeconds: number | null

  constructor(base: ApiError, retryAfterSeconds: number | null) {
    super({ status: base.status, code: base.code, message: base.message, requestId: base.requestId, details: base.details })
    this.retryAfterSeconds = retryAfterSeconds
  }
}

/** Seconds from a Retry-After header (delta-seconds or an HTTP date); null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  if (Number.isNaN(at)) return null
  return Math.max(0, Math.ceil((at - now) / 1000))
}

/** Runs one openapi-fetch call; non-2xx answers become a HubApiError (message, request id, Retry-After). */
export async function callHub<T>(run: () => Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response }
  try {
    result = await run()
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new HubApiError(
      new ApiError({ status: 0, code: 'network_error', message: cause instanceof Error ? cause.message : String(cause) }),
      null,
    )
  }
  const { data, error, response } = result
  if (!response.ok || error !== undefined) {
    throw new HubApiError(toApiError(response, error), parseRetryAfter(response.headers.get('Retry-After')))
  }
  return data as T
}

/** The hub-search calls of block B. */
export const hubApi = {
  search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage> {
    const query: Record<string, string | number> = {
      provider: params.provider,
      sort: params.sort,
      page: params.page,
      limit: params.limit,
    }
    if (params.q.trim()) query.q = params.q.trim()
    if (params.task) query.task = params.task
    if (params.cursor) query.cursor = params.cursor
    return callHub(() =>
      http.GET('/api/v2/catalog/search', {
        params: { query: query as { provider: Provider } },
        signal,
      }),
    ).then((page) => {
      // A proxy or a stale service may answer 200 with something else; never render that as results.
      if (!page || !Array.isArray(page.items)) {
        throw new HubApiError(new ApiError({ status: 200, code: 'bad_response', message: 'The search answer has no result list.' }), null)
      }
      return page
    })
  },

  metadata(provider: Provider, id: string, signal?: AbortSignal): Promise<ModelMetadata> {
    const [owner, ...rest] = id.split('/')
    return callHub(() =>
      http.GET('/api/v2/catalog/search/{provider}/{owner}/{name}', {
        params: { path: { provider, owner, name: rest.join('/') } },
        signal,
      }),
    )
  },

  me(signal?: AbortSignal): Promise<Me> {
    return callHub(() => http.GET('/api/v2/catalog/auth/me', { signal }))
  },
}
