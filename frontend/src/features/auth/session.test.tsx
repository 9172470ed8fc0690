import { act, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { catalog } from '@/lib/api'
import { sessionStore, tokenStore } from '@/lib/auth-token'
import { emptyModelPage, jsonResponse, pathOf, renderApp, sampleCapabilities, sampleLogin, signInAs, stubApi, stubFetch } from '@/test/render-app'

const fallback = (request: Request) =>
  pathOf(request).startsWith('/api/v2/catalog/models') ? jsonResponse(emptyModelPage) : jsonResponse(sampleCapabilities)
const emptyAudit = { items: [], page: 1, limit: 25, total: 0 }
const expired = (code: string) =>
  jsonResponse({ error: { code, message: 'The Nebula session behind this token has ended.', request_id: 'req-exp' } }, 401)

describe('session', () => {
  it('sends a signed-out visitor of Model Catalog to sign-in, and back afterwards', async () => {
    stubFetch((request) => {
      if (pathOf(request) === '/api/v2/catalog/auth/login') return jsonResponse(sampleLogin('viewer'))
      return fallback(request)
    })
    const { location } = renderApp({ path: '/model-catalog', lang: 'en' })

    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/model-catalog'))
    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Username'), 'viewer')
    await user.type(screen.getByLabelText('Password'), 'viewer123')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(location.history.at(-1)).toBe('/model-catalog'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
  })

  for (const code of ['nebula_session_expired', 'unauthorized']) {
    it(`a 401 ${code} from an API call forgets the token and goes to sign-in with next`, async () => {
      stubFetch((request) => {
        const path = pathOf(request)
        if (path.startsWith('/api/v2/catalog/audit')) return expired(code)
        if (path === '/api/v2/catalog/auth/login') return jsonResponse(sampleLogin('admin', 'fresh'))
        return fallback(request)
      })
      const { location } = renderApp({ path: '/audit', lang: 'en', role: 'admin' })

      await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/audit'))
      expect(tokenStore.get()).toBeNull()
      expect(await screen.findByText('Your session has ended')).toBeTruthy()
      expect(screen.queryByTestId('user-menu')).toBeNull()
    })
  }

  it('returns to the page after signing in again', async () => {
    let auditCalls = 0
    stubFetch((request) => {
      const path = pathOf(request)
      if (path.startsWith('/api/v2/catalog/audit')) return ++auditCalls === 1 ? expired('nebula_session_expired') : jsonResponse(emptyAudit)
      if (path === '/api/v2/catalog/auth/login') return jsonResponse(sampleLogin('admin', 'fresh'))
      return fallback(request)
    })
    const { location } = renderApp({ path: '/audit', lang: 'en', role: 'admin' })
    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/audit'))

    const user = userEvent.setup()
    await user.type(await screen.findByLabelText('Username'), 'admin')
    await user.type(screen.getByLabelText('Password'), 'admin123')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    await waitFor(() => expect(location.history.at(-1)).toBe('/audit'))
    expect(await screen.findByText('No audit records')).toBeTruthy()
    expect(tokenStore.get()).toBe('fresh')
  })

  it('keeps the session on a 401 from sign-in itself (wrong password is not an expiry)', async () => {
    signInAs('viewer')
    stubFetch(() => jsonResponse({ error: { code: 'invalid_credentials', message: 'Wrong', request_id: 'r' } }, 401))
    await expect(catalog.login({ username: 'x', password: 'y' })).rejects.toMatchObject({ status: 401 })
    expect(tokenStore.get()).toBe('token-viewer')
  })

  it('treats a session past its expiry as signed out', () => {
    sessionStore.set({ token: 'old', user: { username: 'v', role: 'viewer' }, expiresAt: '2000-01-01T00:00:00Z' })
    expect(sessionStore.get()).toBeNull()
  })

  it('shows who is signed in, and signs out through the service', async () => {
    const fetchMock = stubFetch((request) => {
      if (pathOf(request) === '/api/v2/catalog/auth/logout') return new Response(null, { status: 204 })
      return fallback(request)
    })
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/model-catalog', lang: 'en', role: 'operator' })

    const trigger = screen.getByRole('button', { name: 'Account: Otto Operator operator' })
    await user.click(trigger)
    const identity = await screen.findByTestId('user-menu-identity')
    expect(within(identity).getByText('Otto Operator')).toBeTruthy()
    expect(within(identity).getByText('operator', { selector: 'p' })).toBeTruthy()
    expect(within(identity).getByTestId('role-badge').getAttribute('data-role')).toBe('operator')
    await user.click(screen.getByRole('menuitem', { name: 'Sign out' }))

    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in'))
    const logout = fetchMock.mock.calls.map((c) => c[0] as Request).find((r) => pathOf(r) === '/api/v2/catalog/auth/logout')!
    expect(logout.method).toBe('POST')
    expect(logout.headers.get('Authorization')).toBe('Bearer token-operator')
    expect(tokenStore.get()).toBeNull()
    expect(await screen.findByText('You have signed out.')).toBeTruthy()
  })

  it('shows the Audit entry in More only to admins', async () => {
    stubApi()
    const user = userEvent.setup()
    const first = renderApp({ path: '/', lang: 'en', role: 'operator' })
    await user.click(screen.getByRole('button', { name: 'More' }))
    await screen.findByRole('menuitem', { name: /Model Catalog/ })
    expect(screen.queryByRole('menuitem', { name: /Audit/ })).toBeNull()
    first.unmount()

    signInAs('admin')
    renderApp({ path: '/', lang: 'en' })
    await user.click(screen.getByRole('button', { name: 'More' }))
    expect((await screen.findByRole('menuitem', { name: /Audit/ })).getAttribute('href')).toBe('/audit')
  })
})

describe('one session for all tabs of the browser', () => {
  const SESSION_KEY = 'nebula-catalog.session'

  /** What the browser does in this tab when another tab of the same origin writes to localStorage. */
  function otherTabWrites(write: () => void, key: string | null = SESSION_KEY) {
    write()
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key, storageArea: localStorage }))
    })
  }

  it('keeps the session in localStorage, where a reload or a new tab finds it', () => {
    signInAs('operator')
    expect(JSON.parse(localStorage.getItem(SESSION_KEY)!)).toMatchObject({ token: 'token-operator', user: { username: 'operator' } })
    expect(sessionStorage.length).toBe(0)
  })

  it('signs this tab in when another tab signs in, and goes on to `next`', async () => {
    stubFetch(fallback)
    const { location } = renderApp({ path: '/model-catalog', lang: 'en' })
    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/model-catalog'))
    await screen.findByLabelText('Username')

    const answer = sampleLogin('viewer', 'from-tab-2')
    otherTabWrites(() => localStorage.setItem(SESSION_KEY, JSON.stringify({ token: answer.token, user: answer.user, expiresAt: answer.expires_at })))

    await waitFor(() => expect(location.history.at(-1)).toBe('/model-catalog'))
    expect(await screen.findByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
    expect(tokenStore.get()).toBe('from-tab-2')
  })

  it('signs this tab out when another tab signs out, and says so on sign-in', async () => {
    stubFetch(fallback)
    const { location } = renderApp({ path: '/model-catalog', lang: 'en', role: 'admin' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()

    otherTabWrites(() => {
      localStorage.setItem('nebula-catalog.session-ended', 'signed_out')
      localStorage.removeItem(SESSION_KEY)
    })

    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/model-catalog'))
    expect(await screen.findByText('You have signed out.')).toBeTruthy()
    expect(screen.queryByTestId('user-menu')).toBeNull()
  })

  it('follows a session that ended in another tab (expired) with the same explanation', async () => {
    stubFetch(fallback)
    const { location } = renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    await screen.findByRole('heading', { level: 1, name: 'Model Catalog' })

    otherTabWrites(() => {
      localStorage.setItem('nebula-catalog.session-ended', 'expired')
      localStorage.removeItem(SESSION_KEY)
    }, null)

    await waitFor(() => expect(location.history.at(-1)).toBe('/sign-in?next=/model-catalog'))
    expect(await screen.findByText('Your session has ended')).toBeTruthy()
  })

  it('shows the new user when another tab signs in as someone else', async () => {
    stubFetch(fallback)
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    expect(screen.getByRole('button', { name: 'Account: Vera Viewer viewer' })).toBeTruthy()

    const answer = sampleLogin('admin', 'admin-token')
    otherTabWrites(() => localStorage.setItem(SESSION_KEY, JSON.stringify({ token: answer.token, user: answer.user, expiresAt: answer.expires_at })))

    expect(await screen.findByRole('button', { name: 'Account: Ada Admin admin' })).toBeTruthy()
    expect(tokenStore.get()).toBe('admin-token')
  })

  it('signing out here tells the other tabs why', async () => {
    signInAs('viewer')
    sessionStore.clear('signed_out')
    expect(localStorage.getItem(SESSION_KEY)).toBeNull()
    expect(localStorage.getItem('nebula-catalog.session-ended')).toBe('signed_out')
    expect(sessionStore.endReason()).toBe('signed_out')
  })
})
