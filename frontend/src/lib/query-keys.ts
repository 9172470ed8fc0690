import type { AuditQuery, CatalogProvider, DownloadedModelsQuery, ImportRequest, NodesQuery, SearchParams } from '@/lib/types'

/**
 * The one query-key factory for TanStack Query. Every query and invalidation goes through it, so related data can
 * be invalidated by prefix (e.g. everything under `catalogKeys.models()` after a delete or an import).
 */
export const catalogKeys = {
  all: ['catalog'] as const,
  /** Signed-in and anonymous callers get different answers, so each has its own entry. */
  capabilities: (scope: 'public' | 'full') => [...catalogKeys.all, 'capabilities', scope] as const,
  audit: (query: AuditQuery) => [...catalogKeys.all, 'audit', query] as const,
  models: () => [...catalogKeys.all, 'models'] as const,
  modelList: (query: DownloadedModelsQuery) => [...catalogKeys.models(), 'list', query] as const,
  model: (uid: string) => [...catalogKeys.models(), 'detail', uid] as const,
  deleteImpact: (uid: string) => [...catalogKeys.models(), 'delete-impact', uid] as const,
  /** Under models(): a delete or an import invalidates it with the list. */
  deletionImpact: (uids: string[]) => [...catalogKeys.models(), 'deletion-impact', uids] as const,
  /** Under models() too: the nodes view reads the same snapshot as block A, so both refresh together. */
  nodes: (query: NodesQuery) => [...catalogKeys.models(), 'nodes', query] as const,
  hubs: () => [...catalogKeys.all, 'hub-search'] as const,
  search: (params: SearchParams) => [...catalogKeys.hubs(), 'search', params] as const,
  metadata: (provider: CatalogProvider, id: string) => [...catalogKeys.hubs(), 'metadata', provider, id] as const,
  imports: () => [...catalogKeys.all, 'import'] as const,
  preflight: (body: ImportRequest) => [...catalogKeys.imports(), 'preflight', body] as const,
  preflightBatch: (items: ImportRequest[]) => [...catalogKeys.imports(), 'preflight-batch', items] as const,
  uidCheck: (uid: string) => [...catalogKeys.imports(), 'uid-check', uid] as const,
}
