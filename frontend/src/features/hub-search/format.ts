import type { Lang } from '@/i18n'

const locale = (lang: Lang) => (lang === 'zh' ? 'zh-CN' : 'en-US')

/** 14881790 → "14,881,790" (en) / "14,881,790" (zh), or a compact "14.9M" / "1488.2万". */
export function formatCount(value: number, lang: Lang, compact = false): string {
  return new Intl.NumberFormat(locale(lang), compact ? { notation: 'compact', maximumFractionDigits: 1 } : {}).format(value)
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const

/** Decimal units as the hubs show them: 15242807270 → "15.2 GB". */
export function formatBytes(bytes: number, lang: Lang): string {
  let value = bytes
  let unit = 0
  while (value >= 1000 && unit < BYTE_UNITS.length - 1) {
    value /= 1000
    unit += 1
  }
  const digits = unit === 0 ? 0 : value < 10 ? 2 : value < 100 ? 1 : 0
  return `${new Intl.NumberFormat(locale(lang), { maximumFractionDigits: digits }).format(value)} ${BYTE_UNITS[unit]}`
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
      const text = value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(1)
      return `${text.replace(/\.0$/, '')}${suffix}`
    }
  }
  return String(count)
}

/** "3 days ago" / "3天前". */
export function formatRelative(iso: string, lang: Lang, now = Date.now()): string {
  const seconds = (Date.parse(iso) - now) / 1000
  const rtf = new Intl.RelativeTimeFormat(locale(lang), { numeric: 'auto' })
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

/** "2025-07-26 03:46 UTC"-like absolute time in the reader's locale and time zone. */
export function formatAbsolute(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(locale(lang), { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso))
}
