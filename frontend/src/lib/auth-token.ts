import type { User } from '@/lib/types'

/**
 * The signed-in user's session: bearer token, user and expiry. The API client reads the token from
 * here; React reads the whole session through `useSession()` (a `useSyncExternalStore` subscription).
 * Kept in sessionStorage so a token never outlives the browser tab.
 */
export interface StoredSession {
  token: string
  user: User
  /** ISO date-time after which the token is refused; null when unknown. */
  expiresAt: string | null
}

/** Why the last session ended; the sign-in page explains it. */
export type EndReason = 'signed_out' | 'expired'

const STORAGE_KEY = 'nebula-catalog.token'
const USER_KEY = 'nebula-catalog.session'

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

let listeners: (() => void)[] = []
let cached: { raw: string | null; token: string | null; session: StoredSession | null } | null = null
let endReason: EndReason | null = null

function emit() {
  cached = null
  for (const listener of listeners) listener()
}

function read(): StoredSession | null {
  const s = storage()
  const token = s?.getItem(STORAGE_KEY) ?? null
  const raw = s?.getItem(USER_KEY) ?? null
  if (cached && cached.raw === raw && cached.token === token) return cached.session
  let session: StoredSession | null = null
  if (token && raw) {
    try {
      const parsed = JSON.parse(raw) as Omit<StoredSession, 'token'>
      if (parsed?.user?.username && parsed.user.role) session = { token, user: parsed.user, expiresAt: parsed.expiresAt ?? null }
    } catch {
      session = null
    }
  }
  cached = { raw, token, session }
  return session
}

export function isExpired(session: StoredSession, now = Date.now()): boolean {
  if (!session.expiresAt) return false
  const at = Date.parse(session.expiresAt)
  return Number.isFinite(at) && at <= now
}

export const sessionStore = {
  /** The current session, or null when signed out (a session whose token has expired counts as signed out). */
  get(): StoredSession | null {
    const session = read()
    return session && !isExpired(session) ? session : null
  },
  set(session: StoredSession): void {
    const s = storage()
    endReason = null
    s?.setItem(STORAGE_KEY, session.token)
    s?.setItem(USER_KEY, JSON.stringify({ user: session.user, expiresAt: session.expiresAt }))
    emit()
  },
  /** Forgets the session; `reason` is remembered (in memory) for the sign-in page. */
  clear(reason: EndReason = 'signed_out'): void {
    const s = storage()
    const had = s?.getItem(STORAGE_KEY) != null
    s?.removeItem(STORAGE_KEY)
    s?.removeItem(USER_KEY)
    if (had) endReason = reason
    emit()
  },
  /** Why the last session ended, if it did during this visit. */
  endReason(): EndReason | null {
    return endReason
  },
  subscribe(listener: () => void): () => void {
    listeners = [...listeners, listener]
    return () => {
      listeners = listeners.filter((l) => l !== listener)
    }
  },
}

/** The bearer token alone, as the API client needs it. */
export const tokenStore = {
  get(): string | null {
    return storage()?.getItem(STORAGE_KEY) ?? null
  },
  /** Sets a bare token (tests, external issuers); `null` signs out. */
  set(token: string | null): void {
    if (token) {
      storage()?.setItem(STORAGE_KEY, token)
      emit()
    } else sessionStore.clear()
  },
}
