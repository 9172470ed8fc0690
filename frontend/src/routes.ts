/** Client-side routes of the SPA. The service falls back to index.html for any of them. */
export const ROUTES = {
  home: '/',
  modelCatalog: '/model-catalog',
  audit: '/audit',
  signIn: '/sign-in',
} as const

/** Where a signed-in user lands when sign-in has no (usable) `next`. */
export const AFTER_SIGN_IN = ROUTES.modelCatalog

/** The sign-in address that returns to `next` (a path with optional query) afterwards. */
export function signInPath(next?: string): string {
  if (!next || safeNext(next) !== next) return ROUTES.signIn
  return `${ROUTES.signIn}?next=${encodeURIComponent(next).replace(/%2F/gi, '/')}`
}

/**
 * `next` if it is a path inside this app (no other origin, no protocol-relative `//host`, not sign-in
 * itself), else the default destination. Guards against open redirects through `?next=`.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return AFTER_SIGN_IN
  if (next === ROUTES.signIn || next.startsWith(`${ROUTES.signIn}?`) || next.startsWith(`${ROUTES.signIn}/`)) return AFTER_SIGN_IN
  return next
}
