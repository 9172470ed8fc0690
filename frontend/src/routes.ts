/** Client-side routes of the SPA. The service falls back to index.html for any of them. */
export const ROUTES = {
  home: '/',
  modelCatalog: '/model-catalog',
} as const
