import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { LANG_STORAGE_KEY } from '@/i18n'
import { jsonResponse, renderApp, sampleCapabilities, stubApi } from '@/test/render-app'

describe('app shell', () => {
  it('shows a welcome at / without redirecting, with More in the navigation and no Models link to nowhere', async () => {
    stubApi()
    const { location } = renderApp({ path: '/', lang: 'en' })

    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Nebula Model Catalog' })).toBeTruthy()
    const nav = screen.getByRole('navigation', { name: 'Main navigation' })
    expect(within(nav).getByRole('button', { name: 'More' })).toBeTruthy()
    // the public capabilities name no Nebula UI: no Models link
    await screen.findByRole('heading', { level: 1 })
    expect(within(nav).queryByRole('link', { name: 'Models' })).toBeNull()
    expect(location.history).toEqual(['/'])
  })

  it("links Models to Nebula's own Models page when the service knows Nebula's UI", async () => {
    stubApi({
      '/api/v2/catalog/capabilities': () =>
        jsonResponse({ ...sampleCapabilities, nebula: { ...sampleCapabilities.nebula, ui_url: 'https://nebula.example.com' } }),
    })
    renderApp({ path: '/model-catalog', lang: 'en', role: 'viewer' })
    const nav = screen.getByRole('navigation', { name: 'Main navigation' })
    expect((await within(nav).findByRole('link', { name: 'Models' })).getAttribute('href')).toBe('https://nebula.example.com/models')
  })

  it('opens Model Catalog from the More menu with the keyboard', async () => {
    stubApi()
    const user = userEvent.setup()
    const { location } = renderApp({ path: '/', lang: 'en', role: 'viewer' })

    screen.getByRole('button', { name: 'More' }).focus()
    await user.keyboard('{Enter}')
    const item = await screen.findByRole('menuitem', { name: /Model Catalog/ })
    expect(item.getAttribute('href')).toBe('/model-catalog')
    await user.keyboard('{Enter}')

    expect(location.history.at(-1)).toBe('/model-catalog')
    expect(await screen.findByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
  })

  it('switches the language, remembers it and sets the document language', async () => {
    stubApi()
    const user = userEvent.setup()
    renderApp({ path: '/model-catalog', role: 'viewer' })

    const group = screen.getByRole('group', { name: /Language|语言/ })
    await user.click(within(group).getByRole('button', { name: '中文' }))
    expect(screen.getByRole('heading', { level: 1, name: '模型目录' })).toBeTruthy()
    expect(within(group).getByRole('button', { name: '中文' }).getAttribute('aria-pressed')).toBe('true')
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('zh')
    expect(document.documentElement.lang).toBe('zh-CN')

    // named with what it shows first ("EN English"), for speech input
    await user.click(within(group).getByRole('button', { name: 'EN English' }))
    expect(screen.getByRole('heading', { level: 1, name: 'Model Catalog' })).toBeTruthy()
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe('en')
  })

  it('shows a not-found view inside the shell for an unknown address', () => {
    stubApi()
    renderApp({ path: '/no/such/page', lang: 'en' })

    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeTruthy()
    expect(screen.getByText('There is no page at /no/such/page.')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'More' })).toBeTruthy()
  })
})
