import { afterEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_MODELS_URL, resolveModelsUrl } from '@/lib/config'

describe('resolveModelsUrl', () => {
  afterEach(() => vi.unstubAllEnvs())

  it('defaults to /models', () => {
    vi.stubEnv('VITE_NEBULA_MODELS_URL', '')
    expect(resolveModelsUrl()).toBe(DEFAULT_MODELS_URL)
  })

  it('uses the build-time setting', () => {
    vi.stubEnv('VITE_NEBULA_MODELS_URL', 'https://nebula.example/models')
    expect(resolveModelsUrl()).toBe('https://nebula.example/models')
  })

  it('lets a value reported at run time win over the build-time setting', () => {
    vi.stubEnv('VITE_NEBULA_MODELS_URL', 'https://nebula.example/models')
    expect(resolveModelsUrl('/ui/models')).toBe('/ui/models')
    expect(resolveModelsUrl('  ')).toBe('https://nebula.example/models')
  })
})
