import type { Lang } from '@/i18n'

/** BCP 47 locale for Intl formatting in the page's language. */
export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US'
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>()

/** A date-time in the reader's language and time zone, e.g. "Nov 26, 2026, 10:04:05 AM" / "2026年11月26日 10:04:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const locale = localeOf(lang)
  let format = dateTimeFormats.get(locale)
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' })
    dateTimeFormats.set(locale, format)
  }
  return format.format(date)
}
