import type { AuditQuery, DownloadedModelsQuery } from '@/lib/types'

/**
 * The one query-key factory for TanStack Query. Every query and invalidation goes through it,
 * so related data can be invalidated by prefix (e.g. everything under `catalogKeys.all`).
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
}
