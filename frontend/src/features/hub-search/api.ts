import { ApiError, call, http } from '@/lib/api'
import type { ModelMetadata, Provider, SearchPage, SearchParams } from './types'

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
    return call(() =>
      http.GET('/api/v2/catalog/search', {
        params: { query: query as { provider: Provider } },
        signal,
      }),
    ).then((page) => {
      // A proxy or a stale service may answer 200 with something else; never render that as results.
      if (!page || !Array.isArray(page.items)) {
        throw new ApiError({ status: 200, code: 'bad_response', message: 'The search answer has no result list.' })
      }
      return page
    })
  },

  metadata(provider: Provider, id: string, signal?: AbortSignal): Promise<ModelMetadata> {
    const [owner, ...rest] = id.split('/')
    return call(() =>
      http.GET('/api/v2/catalog/search/{provider}/{owner}/{name}', {
        params: { path: { provider, owner, name: rest.join('/') } },
        signal,
      }),
    )
  },
}
