/**
 * The one place numbers, sizes, times and addresses are formatted for the reader, in the page's language. Every part
 * of the page goes through these, so one model's size reads the same in block A, the search results, the import
 * dialog, the delete dialog and the audit trail.
 */
import type { Lang } from '@/i18n'

/** BCP 47 locale for Intl formatting in the page's language. */
export function localeOf(lang: Lang): string {
  return lang === 'zh' ? 'zh-CN' : 'en-US'
}

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>()
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined
  if (!value) cache.set(key, (value = make()))
  return value
}

/** A whole number with the reader's grouping: 14881790 → "14,881,790". */
export function formatCount(value: number, lang: Lang): string {
  return cached(`n:${lang}`, () => new Intl.NumberFormat(localeOf(lang))).format(value)
}

/** A date-time in the reader's language and time zone, e.g. "Nov 26, 2026, 10:04:05 AM" / "2026年11月26日 10:04:05". */
export function formatDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return ''
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return cached(`dt:${lang}`, () => new Intl.DateTimeFormat(localeOf(lang), { dateStyle: 'medium', timeStyle: 'medium' })).format(date)
}

/** "Dec 3, 7:09 PM" (the year only when it is not this one): short enough for a table cell; the full time on hover. */
export function formatShortDateTime(iso: string, lang: Lang, now = new Date()): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const thisYear = date.getFullYear() === now.getFullYear()
  return cached(`sdt:${lang}:${thisYear}`, () =>
    new Intl.DateTimeFormat(localeOf(lang), {
      ...(thisYear ? {} : { year: 'numeric' }),
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    }),
  ).format(date)
}

/** "3 days ago" / "3天前". */
export function formatRelative(iso: string, lang: Lang, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000
  const rtf = cached(`rel:${lang}`, () => new Intl.RelativeTimeFormat(localeOf(lang), { numeric: 'auto' }))
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 24 * 3600],
    ['month', 30 * 24 * 3600],
    ['week', 7 * 24 * 3600],
    ['day', 24 * 3600],
    ['hour', 3600],
    ['minute', 60],
  ]
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return rtf.format(Math.round(seconds / size), unit)
  }
  return rtf.format(Math.round(seconds), 'second')
}

/**
 * How long ago something happened that cannot lie ahead (a heartbeat, a scan): "2 minutes ago", and "now" for a time a
 * clock that runs a little ahead of the reader's (the cluster's) puts in the future.
 */
export function formatAgo(iso: string, lang: Lang, now = Date.now()): string {
  return formatRelative(new Date(Math.min(Date.parse(iso), now)).toISOString(), lang, now)
}

const UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB']

/**
 * Bytes in decimal units, as the hubs and Nebula count them: one decimal below 100 ("7.6 GB", "17.1 GB"), none from
 * 100 ("145 GB"). Units stay Latin in both languages; digits follow the reader's locale.
 */
export function formatBytes(bytes: number | null | undefined, lang: Lang): string {
  if (bytes == null || !Number.isFinite(bytes)) return ''
  let value = bytes
  let unit = 0
  while (Math.abs(value) >= 1000 && unit < UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 || Math.abs(value) >= 100 ? 0 : 1
  const format = cached(`b:${lang}:${digits}`, () => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits }))
  return `${format.format(value)} ${UNITS[unit]}`
}

/**
 * GPU memory, which Nebula and the GPUs count in MiB, the way nvidia-smi users read it: "512 MiB", "79.6 GiB",
 * "1,454 GiB" (binary units: an "80 GB" A100 has 81,559 MiB = 79.6 GiB).
 */
export function formatMebibytes(mb: number | null | undefined, lang: Lang): string {
  if (mb == null || !Number.isFinite(mb)) return ''
  if (Math.abs(mb) < 1024) return `${formatCount(Math.round(mb), lang)} MiB`
  const gib = mb / 1024
  const digits = Math.abs(gib) >= 100 ? 0 : 1
  return `${cached(`b:${lang}:${digits}`, () => new Intl.NumberFormat(localeOf(lang), { maximumFractionDigits: digits })).format(gib)} GiB`
}

/** Parameter count the way model names say it: 7615616512 → "7.6B", 751632384 → "752M". */
export function formatParameters(count: number): string {
  const steps: [number, string][] = [
    [1e12, 'T'],
    [1e9, 'B'],
    [1e6, 'M'],
    [1e3, 'K'],
  ]
  for (const [size, suffix] of steps) {
    if (count >= size) {
      const value = count / size
      return `${(value >= 100 ? value.toFixed(0) : value.toFixed(1)).replace(/\.0$/, '')}${suffix}`
    }
  }
  return String(count)
}

/** A duration such as an ETA: "1 h 5 min", "4 min 10 s", "12 s" (zh: "1 小时 5 分", …). */
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

/**
 * A client address as people write it: IPv6 with its longest run of zero groups folded ("0:0:0:0:0:0:0:1" → "::1"),
 * an IPv4-mapped one as IPv4 ("::ffff:10.0.0.5" → "10.0.0.5"); anything else unchanged.
 */
export function formatAddress(address: string): string {
  const mapped = /^(?:0{1,4}:){5}ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address) ?? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)
  if (mapped) return mapped[1]
  if (!/^[0-9a-f:]+$/i.test(address) || address.split(':').length !== 8) return address
  const groups = address.split(':').map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
  let best = { at: -1, len: 0 }
  for (let i = 0; i < groups.length; ) {
    if (groups[i] !== '0') {
      i += 1
      continue
    }
    let j = i
    while (j < groups.length && groups[j] === '0') j += 1
    if (j - i > best.len) best = { at: i, len: j - i }
    i = j
  }
  if (best.len < 2) return groups.join(':')
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`
}
