import createClient, { type Middleware } from 'openapi-fetch'
import type { paths } from '@/api/schema'
import { sessionStore, tokenStore } from '@/lib/auth-token'
import type {
  AuditPage,
  AuditQuery,
  BatchDeleteImpact,
  BatchDeleteResult,
  BatchImport,
  BatchImportItem,
  BatchPreflight,
  Capabilities,
  ClusterNodes,
  CatalogProvider,
  DeleteImpact,
  DeleteResult,
  DownloadedModelDetail,
  DownloadedModelPage,
  DownloadedModelsQuery,
  ErrorResponse,
  ImportRequest,
  ImportResult,
  LifecycleResult,
  LoginRequest,
  LoginResponse,
  Me,
  ModelMetadata,
  NodesQuery,
  Preflight,
  PublicCapabilities,
  SearchPage,
  SearchParams,
  UidCheck,
} from '@/lib/types'

/**
 * An error answered by our API (`{"error":{code,message,request_id,details?}}`), or a failure to
 * reach it at all (`status` 0, code `network_error`). Components show `message` and `requestId`.
 */
export class ApiError extends Error {
  readonly status: number
  readonly code: string
  readonly requestId: string | null
  readonly details: Record<string, unknown> | undefined
  /** Seconds from the `Retry-After` header (429, 503), when the answer had one. */
  readonly retryAfterSeconds: number | null

  constructor(init: {
    status: number
    code: string
    message: string
    requestId?: string | null
    details?: Record<string, unknown>
    retryAfterSeconds?: number | null
  }) {
    super(init.message)
    this.name = 'ApiError'
    this.status = init.status
    this.code = init.code
    this.requestId = init.requestId ?? null
    this.details = init.details
    this.retryAfterSeconds = init.retryAfterSeconds ?? null
  }

  /** A 401 that means "sign in again" (as opposed to a wrong password at sign-in). */
  get isSessionEnded(): boolean {
    return this.status === 401 && SESSION_ENDED_CODES.has(this.code)
  }
}

const SESSION_ENDED_CODES = new Set(['unauthorized', 'nebula_session_expired'])

/** `Retry-After` as whole seconds: either delta-seconds or an HTTP date. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null
  const trimmed = value.trim()
  if (/^\d+$/.test(trimmed)) return Number(trimmed)
  const at = Date.parse(trimmed)
  return Number.isFinite(at) ? Math.max(0, Math.ceil((at - now) / 1000)) : null
}

function isErrorResponse(body: unknown): body is ErrorResponse {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const error = (body as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
}

/** Turns a non-2xx answer into an ApiError, also when a proxy answered with something that is not our error shape. */
export function toApiError(response: Response, body: unknown): ApiError {
  const headerId = response.headers.get('X-Request-Id')
  const retryAfterSeconds = parseRetryAfter(response.headers.get('Retry-After'))
  if (isErrorResponse(body)) {
    return new ApiError({
      status: response.status,
      code: body.error.code,
      message: body.error.message,
      requestId: body.error.request_id || headerId,
      details: body.error.details,
      retryAfterSeconds,
    })
  }
  return new ApiError({
    status: response.status,
    code: 'http_' + response.status,
    message: `HTTP ${response.status} ${response.statusText}`.trim(),
    requestId: headerId,
    retryAfterSeconds,
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

/**
 * Runs one API call. A 401 that ends the session (expired Nebula session, refused token) on a call made
 * with a token forgets the session; the app then sends the user to sign in (see `SessionGuard`).
 */
export async function call<T>(
  run: () => Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const sentToken = tokenStore.get()
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
  if (!response.ok || error !== undefined) {
    const apiError = toApiError(response, error)
    if (apiError.isSessionEnded && sentToken && tokenStore.get() === sentToken) sessionStore.clear('expired')
    throw apiError
  }
  return data as T
}

/** Every call the page makes to our API: the one namespace. Components never call fetch themselves. */
export const catalog = {
  /** The full answer when signed in, the public part otherwise. */
  capabilities(signal?: AbortSignal): Promise<Capabilities | PublicCapabilities> {
    return call(() => http.GET('/api/v2/catalog/capabilities', { signal }))
  },
  login(body: LoginRequest): Promise<LoginResponse> {
    return call(() => http.POST('/api/v2/catalog/auth/login', { body }))
  },
  me(signal?: AbortSignal): Promise<Me> {
    return call(() => http.GET('/api/v2/catalog/auth/me', { signal }))
  },
  async logout(): Promise<void> {
    await call(() => http.POST('/api/v2/catalog/auth/logout'))
  },
  audit(query: AuditQuery, signal?: AbortSignal): Promise<AuditPage> {
    return call(() => http.GET('/api/v2/catalog/audit', { params: { query }, signal }))
  },

  // block A: downloaded models
  models(query: DownloadedModelsQuery, signal?: AbortSignal): Promise<DownloadedModelPage> {
    return call(() => http.GET('/api/v2/catalog/models', { params: { query }, signal }))
  },
  model(uid: string, signal?: AbortSignal): Promise<DownloadedModelDetail> {
    return call(() => http.GET('/api/v2/catalog/models/{uid}', { params: { path: { uid } }, signal }))
  },
  deleteImpact(uid: string, signal?: AbortSignal): Promise<DeleteImpact> {
    return call(() => http.GET('/api/v2/catalog/models/{uid}/delete-impact', { params: { path: { uid } }, signal }))
  },
  deleteModel(uid: string): Promise<DeleteResult> {
    return call(() => http.DELETE('/api/v2/catalog/models/{uid}', { params: { path: { uid } } }))
  },
  /** What deleting these models together removes, and the phrase that confirms it. */
  deletionImpact(uids: string[], signal?: AbortSignal): Promise<BatchDeleteImpact> {
    return call(() => http.POST('/api/v2/catalog/model-deletions/impact', { body: { model_uids: uids }, signal }))
  },
  /** Deletes the models one after the other (one audit trail each); a failure of one is in its result. */
  deleteModels(uids: string[], confirmation: string): Promise<BatchDeleteResult> {
    return call(() => http.POST('/api/v2/catalog/model-deletions', { body: { model_uids: uids, confirmation } }))
  },
  /** Nebula start: a stopped model starts, a failed one is retried. */
  startModel(uid: string): Promise<LifecycleResult> {
    return call(() => http.POST('/api/v2/catalog/models/{uid}/start', { params: { path: { uid } } }))
  },
  /** Nebula stop: a running model stops, a download is cancelled (the files stay until the model is deleted). */
  stopModel(uid: string): Promise<LifecycleResult> {
    return call(() => http.POST('/api/v2/catalog/models/{uid}/stop', { params: { path: { uid } } }))
  },

  // the cache manager: nodes, disks and what is safe to reclaim
  nodes(query: NodesQuery, signal?: AbortSignal): Promise<ClusterNodes> {
    return call(() => http.GET('/api/v2/catalog/nodes', { params: { query }, signal }))
  },

  // block B: hub search
  async search(params: SearchParams, signal?: AbortSignal): Promise<SearchPage> {
    const q = params.q.trim()
    const page = await call(() =>
      http.GET('/api/v2/catalog/search', {
        params: {
          query: {
            provider: params.provider,
            sort: params.sort,
            page: params.page,
            limit: params.limit,
            ...(q ? { q } : {}),
            ...(params.task ? { task: params.task } : {}),
            ...(params.cursor ? { cursor: params.cursor } : {}),
          },
        },
        signal,
      }),
    )
    // A proxy or a stale service may answer 200 with something else; never render that as results.
    if (!page || !Array.isArray(page.items)) throw new ApiError({ status: 200, code: 'bad_response', message: 'The search answer has no result list.' })
    return page
  },
  metadata(provider: CatalogProvider, id: string, signal?: AbortSignal): Promise<ModelMetadata> {
    const [owner, ...rest] = id.split('/')
    return call(() =>
      http.GET('/api/v2/catalog/search/{provider}/{owner}/{name}', { params: { path: { provider, owner, name: rest.join('/') } }, signal }),
    )
  },

  // import
  preflight(body: ImportRequest, signal?: AbortSignal): Promise<Preflight> {
    return call(() => http.POST('/api/v2/catalog/import/preflight', { body, signal }))
  },
  uidCheck(uid: string, signal?: AbortSignal): Promise<UidCheck> {
    return call(() => http.GET('/api/v2/catalog/import/uid-check', { params: { query: { model_uid: uid } }, signal }))
  },
  /** Starts an import. The same Idempotency-Key makes a repeated submission return the same import. */
  startImport(body: ImportRequest, idempotencyKey: string): Promise<ImportResult> {
    return call(() => http.POST('/api/v2/catalog/import', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }))
  },
  /** Up to 10 pre-flights against one read of the cluster; a failure of one item is that item's error. */
  preflightBatch(items: ImportRequest[], signal?: AbortSignal): Promise<BatchPreflight> {
    return call(() => http.POST('/api/v2/catalog/import/preflight/batch', { body: { items }, signal }))
  },
  /** Up to 10 imports, each idempotent on its own key; a failure of one item is that item's outcome. */
  startImports(items: BatchImportItem[]): Promise<BatchImport> {
    return call(() => http.POST('/api/v2/catalog/import/batch', { body: { items } }))
  },
}
