import { useQuery } from '@tanstack/react-query'
import { hubApi } from './api'
import { hubSearchKeys } from './query-keys'
import type { Role } from './types'

/**
 * Whether a role may import models. Local until the shared role helper lands in main
 * (TODO: replace with it; same rule: operator and admin may write, viewer may only read).
 */
export function canImport(role: Role | null | undefined): boolean {
  return role === 'operator' || role === 'admin'
}

/** The signed-in user (`GET /auth/me`); errors (401 when not signed in) mean "no role". */
export function useCurrentUser() {
  return useQuery({
    queryKey: hubSearchKeys.me(),
    queryFn: ({ signal }) => hubApi.me(signal),
    staleTime: 60_000,
    retry: false,
  })
}
