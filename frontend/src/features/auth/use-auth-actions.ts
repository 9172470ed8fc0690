import { useMutation } from '@tanstack/react-query'
import { useLocation } from 'wouter'
import { catalog } from '@/lib/api'
import { sessionStore } from '@/lib/auth-token'
import type { LoginRequest } from '@/lib/types'
import { ROUTES } from '@/routes'

/** Signs in; on success the session is stored (the sign-in page then moves on to `next`). */
export function useSignIn() {
  return useMutation({
    mutationFn: (body: LoginRequest) => catalog.login(body),
    onSuccess: (answer) => {
      sessionStore.set({ token: answer.token, user: answer.user, expiresAt: answer.expires_at })
    },
  })
}

/**
 * Signs out: tells the service (which ends the Nebula session and refuses the token from now on), then
 * forgets the session and goes to sign-in. The local sign-out happens even if the service cannot be told.
 */
export function useSignOut() {
  const [, navigate] = useLocation()
  return useMutation({
    mutationFn: () => catalog.logout().catch(() => undefined),
    onSettled: () => {
      navigate(ROUTES.signIn)
      sessionStore.clear('signed_out')
    },
  })
}
