/**
 * Where the signed-in user's bearer token lives. Sign-in is not built yet; the API client already
 * reads from here so that adding it changes no call site. Kept in sessionStorage so a token does not
 * outlive the browser tab.
 */
const STORAGE_KEY = 'nebula-catalog.token'

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage
  } catch {
    return undefined
  }
}

export const tokenStore = {
  get(): string | null {
    return storage()?.getItem(STORAGE_KEY) ?? null
  },
  set(token: string | null): void {
    const s = storage()
    if (!s) return
    if (token) s.setItem(STORAGE_KEY, token)
    else s.removeItem(STORAGE_KEY)
  },
}
