import { useSyncExternalStore } from 'react'
import { sessionStore, type StoredSession } from '@/lib/auth-token'
import { canDo } from '@/lib/roles'
import type { Role } from '@/lib/types'

/** The signed-in session, or null; re-renders on sign-in, sign-out and expiry. */
export function useSession(): StoredSession | null {
  return useSyncExternalStore(sessionStore.subscribe, sessionStore.get, sessionStore.get)
}

/** The signed-in user's role (null when signed out) and a `can(need)` check against it. */
export function useRole(): { role: Role | null; can: (need: Role) => boolean } {
  const role = useSession()?.user.role ?? null
  return { role, can: (need: Role) => canDo(role, need) }
}
