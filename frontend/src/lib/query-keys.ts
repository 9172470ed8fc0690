import type { AuditQuery } from '@/lib/types'

/**
 * The one query-key factory for TanStack Query. Every query and invalidation goes through it,
 * so related data can be invalidated by prefix (e.g. everything under `catalogKeys.all`).
 */
export const catalogKeys = {
  all: ['catalog'] as const,
  capabilities: () => [...catalogKeys.all, 'capabilities'] as const,
  audit: (query: AuditQuery) => [...catalogKeys.all, 'audit', query] as const,
}
