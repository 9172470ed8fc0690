import { catalogKeys } from '@/lib/query-keys'
import type { Provider, SearchParams } from './types'

/** Query keys of block B, under the page's `catalog` prefix (move into lib/query-keys.ts when convenient). */
export const hubSearchKeys = {
  all: () => [...catalogKeys.all, 'hub-search'] as const,
  search: (params: SearchParams) => [...hubSearchKeys.all(), 'search', params] as const,
  metadata: (provider: Provider, id: string) => [...hubSearchKeys.all(), 'metadata', provider, id] as const,
}
