import { useEffect, useRef } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { useLocation, useSearch } from 'wouter'
import { sessionStore } from '@/lib/auth-token'
import { catalogKeys } from '@/lib/query-keys'
import { ROUTES, signInPath } from '@/routes'
import { useSession } from './use-session'

/** The longest delay setTimeout accepts (~24.8 days). */
const MAX_TIMER_MS = 2 ** 31 - 1

/** The current path with its query, as `next` for sign-in. */
export function useCurrentPath(): string {
  const [location] = useLocation()
  const search = useSearch()
  return search ? `${location}?${search}` : location
}

/**
 * Watches the session for the whole app. When it ends because the service refused it (any API call
 * answering 401 `unauthorized` / `nebula_session_expired`) or because its token expired, the user goes to
 * sign-in and comes back here afterwards. On any end, data that belonged to the user leaves the cache; so it
 * does when another tab of the browser signs in as someone else (all tabs share one session).
 */
export function SessionGuard() {
  const session = useSession()
  const queryClient = useQueryClient()
  const [, navigate] = useLocation()
  const current = useCurrentPath()
  const currentRef = useRef(current)
  currentRef.current = current
  const had = useRef(session != null)
  const user = useRef(session?.user.username ?? null)

  useEffect(() => {
    // everything of the ended session goes, except what the sign-in page itself shows
    const forget = () => {
      const kept = catalogKeys.capabilities('public')
      queryClient.removeQueries({ predicate: (q) => !(q.queryKey[1] === kept[1] && q.queryKey[2] === kept[2]) })
    }
    if (session) {
      had.current = true
      // another tab signed in as someone else: nothing of the previous user stays on screen
      if (user.current != null && user.current !== session.user.username) forget()
      user.current = session.user.username
      return
    }
    if (!had.current) return
    had.current = false
    user.current = null
    forget()
    const here = currentRef.current
    if (sessionStore.endReason() === 'expired' && !here.startsWith(ROUTES.signIn)) {
      navigate(signInPath(here), { replace: true })
    }
  }, [session, queryClient, navigate])

  useEffect(() => {
    if (!session?.expiresAt) return
    const ms = Date.parse(session.expiresAt) - Date.now()
    if (!Number.isFinite(ms) || ms > MAX_TIMER_MS) return
    const timer = setTimeout(() => sessionStore.clear('expired'), Math.max(0, ms))
    return () => clearTimeout(timer)
  }, [session])

  return null
}
