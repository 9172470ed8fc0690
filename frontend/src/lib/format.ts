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

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/** Bytes in decimal units with locale digits, e.g. "15.2 GB" / "15.2 GB" (units stay Latin in both languages). */
export function formatBytes(bytes: number | null | undefined, lang: Lang): string {
  if (bytes == null || !Number.isFinite(bytes)) return ''
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1
  return `${value.toLocaleString(localeOf(lang), { maximumFractionDigits: digits })} ${UNITS[unit]}`
}

/** A duration such as an ETA: "1 h 05 min", "4 min 10 s", "12 s" (zh: "1 小时 5 分", …). */
export function formatDuration(seconds: number | null | undefined, lang: Lang): string {
  if (seconds == null || !Number.isFinite(seconds) || seconds < 0) return ''
  const s = Math.round(seconds)
  const h = Math.floor(s / 3600)
  const m = Math.floor((s % 3600) / 60)
  const r = s % 60
  const [hu, mu, su] = lang === 'zh' ? [' 小时', ' 分', ' 秒'] : [' h', ' min', ' s']
  if (h > 0) return `${h}${hu} ${m}${mu}`
  if (m > 0) return `${m}${mu} ${r}${su}`
  return `${r}${su}`
}
