import { render } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import { vi } from 'vitest'
import { memoryLocation } from 'wouter/memory-location'
import { App } from '@/app'
import type { Lang } from '@/i18n'
import { sessionStore } from '@/lib/auth-token'
import type { Capabilities, LoginResponse, Role } from '@/lib/types'

export const sampleUsers: Record<Role, LoginResponse['user']> = {
  viewer: { username: 'viewer', role: 'viewer', display_name: 'Vera Viewer' },
  operator: { username: 'operator', role: 'operator', display_name: 'Otto Operator' },
  admin: { username: 'admin', role: 'admin', display_name: 'Ada Admin' },
}

/** A sign-in answer as the service gives it. */
export function sampleLogin(role: Role, token = `token-${role}`): LoginResponse {
  return { token, token_type: 'Bearer', expires_at: '2099-01-01T00:00:00Z', user: sampleUsers[role] }
}

/** Starts the test signed in with `role` (as if the sign-in page had stored the session). */
export function signInAs(role: Role, token = `token-${role}`) {
  const answer = sampleLogin(role, token)
  sessionStore.set({ token: answer.token, user: answer.user, expiresAt: answer.expires_at })
}

/**
 * Renders the whole app at `path` with a fresh query cache (no retries) and an in-memory location;
 * `role` signs in first (pages like Model Catalog need a user).
 */
export function renderApp({ path = '/', lang, role }: { path?: string; lang?: Lang; role?: Role } = {}) {
  if (role) signInAs(role)
  const location = memoryLocation({ path, record: true })
  const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false } } })
  const view = render(<App queryClient={queryClient} lang={lang} locationHook={location.hook} />)
  return { ...view, location, queryClient }
}

export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json', ...headers },
  })
}

/** The path (with query) a fetched request went to. */
export function pathOf(request: Request): string {
  const url = new URL(request.url)
  return url.pathname + url.search
}

/** Stubs globalThis.fetch; `answer` gets each request. Returns the mock to inspect calls. */
export function stubFetch(answer: (request: Request) => Response | Promise<Response>) {
  const mock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = input instanceof Request ? input : new Request(input, init)
    return answer(request)
  })
  vi.stubGlobal('fetch', mock)
  return mock
}

export const sampleCapabilities: Capabilities = {
  service: 'nebula-model-catalog',
  version: '1.2.3-test',
  imports: { engine_types: ['vllm', 'sglang'], max_replicas: 8 },
  database: { reachable: true, error: null },
  nebula: { configured: true, simulated: true, url_host: 'nebula-sim.local:18091', reachable: true, error: null },
  hubs: [
    { provider: 'huggingface', enabled: true, reachable: true, endpoint_variable: 'HF_ENDPOINT', base_url_host: 'hf-mirror.com', token_configured: false },
    { provider: 'modelscope', enabled: false, reachable: null, endpoint_variable: 'MODELSCOPE_ENDPOINT', base_url_host: 'modelscope.cn', token_configured: true },
  ],
}

export const emptyModelPage = { items: [], page: 1, limit: 20, total: 0, as_of: '2026-11-26T10:00:00Z', stale: false }

/**
 * Stubs the API by path: capabilities and an empty model list by default; `routes` maps a path prefix to an answer.
 */
export function stubApi(routes: Record<string, (request: Request) => Response | Promise<Response>> = {}) {
  const all: Record<string, (request: Request) => Response | Promise<Response>> = {
    '/api/v2/catalog/capabilities': () => jsonResponse(sampleCapabilities),
    '/api/v2/catalog/models': () => jsonResponse(emptyModelPage),
    '/api/v2/catalog/search': () =>
      jsonResponse({ provider: 'huggingface', page: 1, limit: 20, items: [], has_more: false, total: null, next_cursor: null }),
    '/api/v2/catalog/auth/logout': () => new Response(null, { status: 204 }),
    ...routes,
  }
  const prefixes = Object.keys(all).sort((a, b) => b.length - a.length)
  return stubFetch((request) => {
    const path = pathOf(request)
    const prefix = prefixes.find((p) => path.startsWith(p))
    return prefix ? all[prefix](request) : jsonResponse({ error: { code: 'not_found', message: path, request_id: 'stub' } }, 404)
  })
}
