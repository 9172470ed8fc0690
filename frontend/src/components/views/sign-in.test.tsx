import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { sessionStore, tokenStore } from '@/lib/auth-token'
import { jsonResponse, pathOf, renderApp, sampleCapabilities, sampleLogin, stubFetch } from '@/test/render-app'

function answerWith(login: (request: Request) => Response | Promise<Response>, capabilities = sampleCapabilities) {
  return stubFetch((request) => {
    const path = pathOf(request)
    if (path.startsWith('/api/v2/catalog/auth/login')) return login(request)
    if (path.startsWith('/api/v2/catalog/capabilities')) return jsonResponse(capabilities)
    return jsonResponse({ items: [], page: 1, limit: 25, total: 0 })
  })
}

async function fillAndSubmit(username: string, password: string) {
  const user = userEvent.setup()
  // the sign-in view is loaded lazily
  await user.type(await screen.findByLabelText('Username'), username)
  await user.type(screen.getByLabelText('Password'), password)
  await user.click(screen.getByRole('button', { name: 'Sign in' }))
  return user
}

describe('sign-in page', () => {
  it('signs in, keeps the session for all tabs of the browser and returns to the page in `next`', async () => {
    const fetchMock = answerWith(() => jsonResponse(sampleLogin('admin', 'jwt-admin')))
    const { location } = renderApp({ path: '/sign-in?next=/audit', lang: 'en' })

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in to Model Catalog' })).toBeTruthy()
    await fillAndSubmit(' admin ', 'admin123')

    await waitFor(() => expect(location.history.at(-1)).toBe('/audit'))
    expect(tokenStore.get()).toBe('jwt-admin')
    expect(JSON.parse(localStorage.getItem('nebula-catalog.session') ?? '{}')).toMatchObject({ token: 'jwt-admin' })
    expect(sessionStorage.getItem('nebula-catalog.token')).toBeNull()
    expect(sessionStore.get()?.user).toMatchObject({ username: 'admin', role: 'admin' })
    const login = fetchMock.mock.calls.map((c) => c[0] as Request).find((r) => pathOf(r) === '/api/v2/catalog/auth/login')!
    expect(login.method).toBe('POST')
    expect(await login.clone().json()).toEqual({ username: 'admin', password: 'admin123' })
    expect(await screen.findByRole('heading', { level: 1, name: 'Audit' })).toBeTruthy()
  })

  it('goes to Model Catalog when `next` is missing or points elsewhere', async () => {
    answerWith(() => jsonResponse(sampleLogin('viewer')))
    const { location } = renderApp({ path: '/sign-in?next=//evil.example/x', lang: 'en' })
    await fillAndSubmit('viewer', 'viewer123')
    await waitFor(() => expect(location.history.at(-1)).toBe('/model-catalog'))
  })

  it('shows the API message and request id on 401 and stays signed out', async () => {
    answerWith(() =>
      jsonResponse({ error: { code: 'invalid_credentials', message: 'Wrong username or password.', request_id: 'req-401' } }, 401),
    )
    const { location } = renderApp({ path: '/sign-in?next=/audit', lang: 'en' })
    await fillAndSubmit('admin', 'nope')

    const alert = await screen.findByTestId('sign-in-error')
    expect(within(alert).getByText('Could not sign in')).toBeTruthy()
    expect(within(alert).getByText('Wrong username or password.')).toBeTruthy()
    expect(within(alert).getByText('req-401')).toBeTruthy()
    expect(tokenStore.get()).toBeNull()
    expect(location.history.at(-1)).toBe('/sign-in?next=/audit')
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(false)
    expect(screen.getByLabelText('Password').getAttribute('aria-invalid')).toBe('true')
  })

  it.each([
    [403, 'nebula_role_unknown', 'a role the catalog cannot use. A Nebula admin should set its role to admin, operator or viewer.'],
    [403, 'account_disabled', 'This Nebula account is disabled.'],
    [503, 'nebula_unavailable', 'Nebula cannot check sign-ins right now. Try again in a minute.'],
  ])('words %s %s itself instead of echoing the API', async (status, code, words) => {
    answerWith(() =>
      jsonResponse(
        { error: { code, message: 'server text', request_id: 'req-x', details: { nebula_code: 'auth_backend_unavailable' } } },
        status,
      ),
    )
    renderApp({ path: '/sign-in', lang: 'en' })
    await fillAndSubmit('erin', 'pw')
    const alert = await screen.findByTestId('sign-in-error')
    expect(alert.textContent).toContain(words)
    expect(alert.textContent).not.toContain('server text')
  })

  it('words an unknown role in Chinese too', async () => {
    answerWith(() =>
      jsonResponse({ error: { code: 'nebula_role_unknown', message: 'server text', request_id: 'req-zh' } }, 403),
    )
    const { container } = renderApp({ path: '/sign-in', lang: 'zh' })
    const user = userEvent.setup()
    await waitFor(() => expect(container.querySelector('input[name="username"]')).toBeTruthy())
    await user.type(container.querySelector('input[name="username"]')!, 'erin')
    await user.type(container.querySelector('input[name="password"]')!, 'pw')
    await user.click(container.querySelector('form button[type="submit"]')!)
    const alert = await screen.findByTestId('sign-in-error')
    expect(alert.textContent).toContain('请 Nebula 管理员将其角色设为 admin、operator 或 viewer')
  })

  it('words a plain Nebula outage itself, never quoting the server’s exception', async () => {
    answerWith(() =>
      jsonResponse({ error: { code: 'nebula_unavailable', message: 'Nebula could not be reached: ConnectException', request_id: 'r' } }, 503),
    )
    renderApp({ path: '/sign-in', lang: 'en' })
    await fillAndSubmit('erin', 'pw')
    const text = (await screen.findByTestId('sign-in-error')).textContent
    expect(text).toContain('Nebula is not answering right now')
    expect(text).not.toContain('ConnectException')
  })

  it('on 429 says how long to wait (Retry-After) and keeps the button disabled meanwhile', async () => {
    answerWith(() =>
      jsonResponse(
        { error: { code: 'too_many_attempts', message: 'Too many failed sign-ins', request_id: 'req-429' } },
        429,
        { 'Retry-After': '30' },
      ),
    )
    renderApp({ path: '/sign-in', lang: 'en' })
    await fillAndSubmit('admin', 'wrong')

    const alert = await screen.findByTestId('sign-in-error')
    expect(within(alert).getByText('Too many attempts')).toBeTruthy()
    expect(within(alert).getByText(/Try again in (30|29) s\./)).toBeTruthy()
    expect(within(alert).getByText('req-429')).toBeTruthy()
    expect((screen.getByRole('button', { name: 'Sign in' }) as HTMLButtonElement).disabled).toBe(true)
  })

  it('disables the button and says so while signing in', async () => {
    answerWith(() => new Promise<Response>(() => {}))
    renderApp({ path: '/sign-in', lang: 'en' })
    await fillAndSubmit('admin', 'admin123')

    const button = await screen.findByRole('button', { name: 'Signing in…' })
    expect((button as HTMLButtonElement).disabled).toBe(true)
  })

  it('shows the demo accounts only when Nebula is the simulator', async () => {
    answerWith(() => jsonResponse(sampleLogin('viewer')))
    const first = renderApp({ path: '/sign-in', lang: 'en' })
    const demo = await screen.findByTestId('demo-accounts')
    expect(demo.textContent).toContain('admin/admin123, operator/operator123, viewer/viewer123')
    // the heading says "Demo accounts" once; the body does not repeat it
    expect(demo.textContent?.match(/Demo accounts/g)).toHaveLength(1)
    first.unmount()

    answerWith(() => jsonResponse(sampleLogin('viewer')), {
      ...sampleCapabilities,
      nebula: { ...sampleCapabilities.nebula, simulated: false },
    })
    renderApp({ path: '/sign-in', lang: 'en' })
    await screen.findByLabelText('Username')
    await waitFor(() => expect(screen.queryByTestId('demo-accounts')).toBeNull())
  })

  it('is translated into Chinese', async () => {
    answerWith(() => jsonResponse(sampleLogin('viewer')))
    renderApp({ path: '/sign-in', lang: 'zh' })
    expect(await screen.findByRole('heading', { level: 1, name: '登录模型目录' })).toBeTruthy()
    expect(screen.getByLabelText('用户名')).toBeTruthy()
    expect(screen.getByLabelText('密码')).toBeTruthy()
  })
})
