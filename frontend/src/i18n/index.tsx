import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { en, type MessageKey, type Messages } from './en'

export type Lang = 'en' | 'zh'
export type { MessageKey }

// Only the language on screen is downloaded: English ships with the page (it is also the fallback), Chinese is
// fetched before the first render that needs it. Keeps ~5 KB gzip off everyone's first load.
const loaded: Partial<Record<Lang, Messages>> = { en }
const loaders: Record<Lang, () => Promise<Messages>> = {
  en: async () => en,
  zh: () => import('./zh').then((m) => m.zh),
}

/** Makes `lang` renderable; call before rendering in it (main.tsx does for the first render, setLang for switches). */
export async function loadDictionary(lang: Lang): Promise<void> {
  loaded[lang] ??= await loaders[lang]()
}
export const LANGS: readonly Lang[] = ['en', 'zh']
export const LANG_STORAGE_KEY = 'nebula-catalog.lang'

/** The saved choice if there is one, else the browser's language (any `zh*` means Chinese). */
export function initialLang(): Lang {
  try {
    const saved = globalThis.localStorage?.getItem(LANG_STORAGE_KEY)
    if (saved === 'en' || saved === 'zh') return saved
  } catch {
    // storage may be blocked; fall through to the browser language
  }
  const browser = globalThis.navigator?.language?.toLowerCase() ?? ''
  return browser.startsWith('zh') ? 'zh' : 'en'
}

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

const pluralRules = new Map<Lang, Intl.PluralRules>()
/** The plural category of `count` in `lang` ("one", "other", …). */
function pluralOf(lang: Lang, count: number): string {
  let rules = pluralRules.get(lang)
  if (!rules) pluralRules.set(lang, (rules = new Intl.PluralRules(lang === 'zh' ? 'zh-CN' : 'en-US')))
  return rules.select(count)
}

/** `{name, plural, one {# file} other {# files}}`: the branch for the count (`#` is the count as given). */
const PLURAL = /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other) \{[^{}]*\})+)\s*\}/g
const BRANCH = /(=\d+|zero|one|two|few|many|other) \{([^{}]*)\}/g

/**
 * The text of `key` in `lang` with `{name}` placeholders filled from `params`. Counts take their plural form from an
 * ICU-style `{count, plural, one {…} other {…}}` (Chinese needs none, English does: "1 file", "2 files").
 */
export function translate(lang: Lang, key: MessageKey, params?: Record<string, string | number>): string {
  let text: string = (loaded[lang] ?? en)[key]
  if (!params) return text
  text = text.replace(PLURAL, (whole, name: string, branches: string) => {
    if (!(name in params)) return whole
    const value = params[name]
    const count = typeof value === 'number' ? value : Number(String(value).replace(/[^\d.-]/g, ''))
    const forms = new Map([...branches.matchAll(BRANCH)].map((m) => [m[1], m[2]] as const))
    const form = forms.get(`=${count}`) ?? forms.get(pluralOf(lang, count)) ?? forms.get('other') ?? ''
    return form.replace(/#/g, String(value))
  })
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole))
}

interface I18nValue {
  lang: Lang
  setLang: (lang: Lang) => void
  t: Translate
}

const I18nContext = createContext<I18nValue | null>(null)

export function I18nProvider({ children, lang: fixedLang }: { children: ReactNode; lang?: Lang }) {
  const [lang, setLangState] = useState<Lang>(() => fixedLang ?? initialLang())

  const setLang = useCallback((next: Lang) => {
    try {
      globalThis.localStorage?.setItem(LANG_STORAGE_KEY, next)
    } catch {
      // not persisted; the choice still holds for this visit
    }
    // a dictionary that cannot be fetched (offline) leaves the page in its current language
    loadDictionary(next).then(() => setLangState(next), () => undefined)
  }, [])

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en'
  }, [lang])

  const value = useMemo<I18nValue>(
    () => ({ lang, setLang, t: (key, params) => translate(lang, key, params) }),
    [lang, setLang],
  )
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext)
  if (!value) throw new Error('useI18n must be used inside <I18nProvider>')
  return value
}
