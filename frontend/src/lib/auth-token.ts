import type { User } from '@/lib/types'

/**
 * The signed-in user's session: bearer token, user and expiry. The API client reads the token from
 * here; React reads the whole session through `useSession()` (a `useSyncExternalStore` subscription).
 *
 * Kept in localStorage, so every tab of the browser shares one sign-in: a new tab opens signed in, and
 * signing out (or the session ending) in one tab signs out the others, through the `storage` event. The
 * session is one JSON entry written in a single step, so another tab never sees a token of one user
 * next to the name of another. The token is refused by the service after sign-out or expiry either way.
 */
export interface StoredSession {
  token: string
  user: User
  /** ISO date-time after which the token is refused; null when unknown. */
  expiresAt: string | null
}

/** Why the last session ended; the sign-in page explains it. */
export type EndReason = 'signed_out' | 'expired'

/** A bare token without a user (tests, external issuers); a full session lives under SESSION_KEY. */
const TOKEN_KEY = 'nebula-catalog.token'
/** `{ token, user, expiresAt }` as JSON. */
const SESSION_KEY = 'nebula-catalog.session'
/** Why the session ended, for the other tabs (each tab also remembers its own in memory). */
const ENDED_KEY = 'nebula-catalog.session-ended'

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined
  } catch {
    return undefined
  }
}

/** Sessions of tabs opened before sessions were shared lived in sessionStorage: carry such a one over once. */
function adoptTabSession() {
  try {
    const tab = globalThis.sessionStorage
    const s = storage()
    if (!tab || !s) return
    const token = tab.getItem(TOKEN_KEY)
    const raw = tab.getItem(SESSION_KEY)
    if (token && raw && s.getItem(SESSION_KEY) == null) {
      const parsed = JSON.parse(raw) as Partial<StoredSession>
      if (parsed?.user) s.setItem(SESSION_KEY, JSON.stringify({ token, user: parsed.user, expiresAt: parsed.expiresAt ?? null }))
    }
    tab.removeItem(TOKEN_KEY)
    tab.removeItem(SESSION_KEY)
  } catch {
    // nothing to adopt
  }
}
adoptTabSession()

let listeners: (() => void)[] = []
let cached: { raw: string | null; token: string | null; session: StoredSession | null } | null = null
let endReason: EndReason | null = null
/** The session as this tab last read it (to tell, when another tab writes, whether this one was signed in). */
let lastRead: StoredSession | null = null

function emit() {
  cached = null
  for (const listener of listeners) listener()
}

function read(): StoredSession | null {
  const s = storage()
  const raw = s?.getItem(SESSION_KEY) ?? null
  const bare = s?.getItem(TOKEN_KEY) ?? null
  if (cached && cached.raw === raw && cached.token === bare) return cached.session
  let session: StoredSession | null = null
  if (raw) {
    try {
      const parsed = JSON.parse(raw) as Partial<StoredSession>
      const token = parsed?.token ?? bare
      if (token && parsed?.user?.username && parsed.user.role) session = { token, user: parsed.user, expiresAt: parsed.expiresAt ?? null }
    } catch {
      session = null
    }
  }
  cached = { raw, token: bare, session }
  lastRead = session
  return session
}

export function isExpired(session: StoredSession, now = Date.now()): boolean {
  if (!session.expiresAt) return false
  const at = Date.parse(session.expiresAt)
  return Number.isFinite(at) && at <= now
}

/**
 * Another tab changed the shared session (signed in, out, or its session ended): this tab follows. An end
 * seen here takes the reason the other tab gave, so this tab's sign-in page says the same.
 */
function onStorage(event: StorageEvent) {
  if (event.key !== null && event.key !== SESSION_KEY && event.key !== TOKEN_KEY) return
  if (event.storageArea && event.storageArea !== storage()) return
  const before = lastRead
  cached = null
  const after = read()
  if (before && !after) {
    const reason = storage()?.getItem(ENDED_KEY)
    endReason = reason === 'expired' ? 'expired' : 'signed_out'
  } else if (after) endReason = null
  emit()
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
    s?.removeItem(ENDED_KEY)
    s?.removeItem(TOKEN_KEY)
    s?.setItem(SESSION_KEY, JSON.stringify({ token: session.token, user: session.user, expiresAt: session.expiresAt }))
    emit()
  },
  /** Forgets the session in every tab; `reason` is remembered for the sign-in pages. */
  clear(reason: EndReason = 'signed_out'): void {
    const s = storage()
    const had = s?.getItem(SESSION_KEY) != null || s?.getItem(TOKEN_KEY) != null
    if (had) {
      endReason = reason
      // before the session goes, so the other tabs read the reason when they see it gone
      s?.setItem(ENDED_KEY, reason)
    }
    s?.removeItem(SESSION_KEY)
    s?.removeItem(TOKEN_KEY)
    emit()
  },
  /** Why the last session ended, if it did during this visit (in this tab or another). */
  endReason(): EndReason | null {
    return endReason
  },
  subscribe(listener: () => void): () => void {
    if (listeners.length === 0) globalThis.addEventListener?.('storage', onStorage)
    listeners = [...listeners, listener]
    return () => {
      listeners = listeners.filter((l) => l !== listener)
      if (listeners.length === 0) globalThis.removeEventListener?.('storage', onStorage)
    }
  },
}

/** The bearer token alone, as the API client needs it. */
export const tokenStore = {
  get(): string | null {
    return read()?.token ?? storage()?.getItem(TOKEN_KEY) ?? null
  },
  /** Sets a bare token (tests, external issuers); `null` signs out. */
  set(token: string | null): void {
    if (token) {
      storage()?.setItem(TOKEN_KEY, token)
      emit()
    } else sessionStore.clear()
  },
}
