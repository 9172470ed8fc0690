import { describe, expect, it, vi } from 'vitest'
import { en } from './en'
import { zh } from './zh'
import { LANG_STORAGE_KEY, initialLang, translate } from './index'

// a plural `{count, plural, …}` counts as the placeholder `count`
const placeholders = (text: string) =>
  [...new Set([...text.replace(/\{(\w+), plural,(?:[^{}]|\{[^{}]*\})*\}/g, '{$1}').matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort()

describe('dictionaries', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort())
  })

  it('have no empty strings', () => {
    for (const [lang, dict] of Object.entries({ en, zh })) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), `${lang}.${key}`).not.toBe('')
      }
    }
  })

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]))
    }
  })
})

describe('translate', () => {
  it('fills placeholders', () => {
    expect(translate('en', 'caps.version', { version: '1.0' })).toBe('Version 1.0')
    expect(translate('zh', 'caps.version', { version: '1.0' })).toBe('版本 1.0')
  })

  it('chooses the plural form for the count in English; Chinese has one form', () => {
    expect(translate('en', 'models.files', { count: 1 })).toBe('1 file')
    expect(translate('en', 'models.files', { count: 3 })).toBe('3 files')
    expect(translate('en', 'models.files', { count: '1,204' })).toBe('1,204 files')
    expect(translate('zh', 'models.files', { count: 1 })).toBe('1 个文件')
  })

  it('leaves unknown placeholders visible rather than blank', () => {
    expect(translate('en', 'caps.version', {})).toBe('Version {version}')
  })
})

describe('initialLang', () => {
  it('prefers the saved choice', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'zh')
    expect(initialLang()).toBe('zh')
  })

  it('falls back to the browser language', () => {
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('zh-CN')
    expect(initialLang()).toBe('zh')
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB')
    expect(initialLang()).toBe('en')
  })

  it('ignores a saved value that is not a language', () => {
    localStorage.setItem(LANG_STORAGE_KEY, 'fr')
    vi.spyOn(navigator, 'language', 'get').mockReturnValue('en-US')
    expect(initialLang()).toBe('en')
  })
})
