import { afterEach, beforeAll, vi } from 'vitest'
import { loadDictionary } from '@/i18n'

// The app loads Chinese on demand; tests render in either language straight away.
beforeAll(() => loadDictionary('zh'))

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
  localStorage.clear()
  sessionStorage.clear()
})
