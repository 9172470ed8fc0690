import { en } from '@/i18n/en'
import type { Lang, MessageKey, Translate } from '@/i18n'
import { errorText } from '@/lib/error-text'
import { ApiError } from '@/lib/api'
import { formatBytes, formatCount } from '@/lib/format'

/** Details nobody reads in a list: the service's English message (the code says it), token ids, the pre-flight dump. */
const HIDDEN = new Set(['message', 'token_id', 'preflight', 'model_uid'])
/** Sign-in failures record why in words of their own. */
const REASONS: Record<string, MessageKey> = {
  'invalid credentials': 'auth.err.invalid_credentials',
  'user disabled': 'auth.err.account_disabled',
}

/**
 * An audit record's details as short "label: value" lines in the reader's language: sizes as sizes, yes/no, lists,
 * error codes as sentences. Keys the page does not know stay as they are (an admin still sees everything that matters).
 */
export function detailLines(t: Translate, lang: Lang, details: Record<string, unknown> | null | undefined): string[] {
  if (!details) return []
  const lines: string[] = []
  for (const [key, value] of Object.entries(details)) {
    if (HIDDEN.has(key) || value == null || value === '') continue
    const labelKey = `audit.detail.${key}`
    const label = labelKey in en ? t(labelKey as MessageKey) : key
    lines.push(`${label}: ${detailValue(t, lang, key, value)}`)
  }
  return lines
}

function detailValue(t: Translate, lang: Lang, key: string, value: unknown): string {
  if (typeof value === 'number') return /(^|_)bytes(_|$)/.test(key) ? formatBytes(value, lang) : formatCount(value, lang)
  if (typeof value === 'boolean') return value ? t('common.yes') : t('common.no')
  if (Array.isArray(value)) return value.map(String).join(lang === 'zh' ? '、' : ', ') || t('common.none')
  if (typeof value === 'string') {
    if (key === 'code') return errorText(t, new ApiError({ status: 0, code: value, message: '' }))
    if (key === 'reason' && REASONS[value]) return t(REASONS[value])
    return value
  }
  return JSON.stringify(value)
}
