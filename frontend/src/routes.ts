/** Client-side routes of the SPA. The service falls back to index.html for any of them. */
export const ROUTES = {
  home: '/',
  modelCatalog: '/model-catalog',
  audit: '/audit',
  signIn: '/sign-in',
} as const

/** Model Catalog's views, chosen by `?view=` (the models by default). */
export const CATALOG_VIEWS = ['models', 'nodes'] as const
export type CatalogView = (typeof CATALOG_VIEWS)[number]
export const CATALOG_VIEW_PARAM = 'view'
/** The nodes view's address (the More menu's entry, links from elsewhere). */
export const NODES_PATH = `${ROUTES.modelCatalog}?${CATALOG_VIEW_PARAM}=nodes`

export function readCatalogView(params: URLSearchParams): CatalogView {
  const view = params.get(CATALOG_VIEW_PARAM)
  return (CATALOG_VIEWS as readonly string[]).includes(view ?? '') ? (view as CatalogView) : 'models'
}

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
