import { HubApiError, parseRetryAfter } from '@/features/hub-search/api'
import { ApiError, toApiError } from '@/lib/api'
import { tokenStore } from '@/lib/auth-token'
import type { ImportRequest, ImportResult, PreflightResult } from './types'

/**
 * POSTs JSON to our API with the bearer token. Plain fetch because the import paths are not in this branch's
 * generated contract yet; switch to `http.POST` (openapi-fetch) once they are.
 */
async function postJson<T>(path: string, body: unknown, headers: Record<string, string> = {}, signal?: AbortSignal): Promise<T> {
  const token = tokenStore.get()
  let response: Response
  try {
    response = await globalThis.fetch(
      new Request(new URL(path, globalThis.location?.origin ?? 'http://localhost').toString(), {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Accept: 'application/json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
        body: JSON.stringify(body),
        signal,
      }),
    )
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause
    throw new HubApiError(
      new ApiError({ status: 0, code: 'network_error', message: cause instanceof Error ? cause.message : String(cause) }),
      null,
    )
  }
  const text = await response.text()
  let json: unknown = undefined
  try {
    json = text ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  if (!response.ok) throw new HubApiError(toApiError(response, json), parseRetryAfter(response.headers.get('Retry-After')))
  return json as T
}

export const importApi = {
  preflight(body: ImportRequest, signal?: AbortSignal): Promise<PreflightResult> {
    return postJson('/api/v2/catalog/import/preflight', body, {}, signal)
  },

  /** Starts an import. The same Idempotency-Key makes a repeated submission return the same import. */
  start(body: ImportRequest, idempotencyKey: string): Promise<ImportResult> {
    return postJson('/api/v2/catalog/import', body, { 'Idempotency-Key': idempotencyKey })
  },
}
