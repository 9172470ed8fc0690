import { render } from '@testing-library/react'
import { QueryClient } from '@tanstack/react-query'
import { vi } from 'vitest'
import { memoryLocation } from 'wouter/memory-location'
import { App } from '@/app'
import type { Lang } from '@/i18n'
import type { Capabilities } from '@/lib/types'

/** Renders the whole app at `path` with a fresh query cache (no retries) and an in-memory location. */
export function renderApp({ path = '/', lang }: { path?: string; lang?: Lang } = {}) {
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
  database: { reachable: true, error: null },
  nebula: { configured: true, simulated: true, url_host: 'nebula-sim.local:18091', reachable: true, error: null },
  hubs: [
    { provider: 'huggingface', enabled: true, base_url_host: 'hf-mirror.com', token_configured: false },
    { provider: 'modelscope', enabled: false, base_url_host: 'modelscope.cn', token_configured: true },
  ],
}
