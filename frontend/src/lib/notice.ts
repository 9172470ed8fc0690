/**
 * Words a server notice (pre-flight problem, delete note or effect, why Delete is not offered, a hub's last failure)
 * in the reader's language from its stable code and parameters. A code this page does not know yet falls back to the
 * server's English message, never to the raw code.
 */
import type { components } from '@/api/schema'
import { en, type MessageKey } from '@/i18n/en'
import type { Lang, Translate } from '@/i18n'
import { formatBytes } from '@/lib/format'

export type Notice = components['schemas']['Notice']

/** Parameters that are byte counts, shown as sizes in the reader's locale. */
const BYTE_PARAMS = new Set(['bytes'])

export function noticeText(t: Translate, lang: Lang, notice: Notice): string {
  const key = `notice.${notice.code}`
  if (!(key in en)) return notice.message
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(notice.params ?? {})) {
    params[name] = BYTE_PARAMS.has(name) && typeof value === 'number' ? formatBytes(value, lang) : value
  }
  if (typeof params.hub === 'string' && `provider.${params.hub}` in en) params.hub = t(`provider.${params.hub}` as MessageKey)
  if (typeof params.access === 'string' && `notice.access.${params.access}` in en) {
    params.access = t(`notice.access.${params.access}` as MessageKey)
  }
  return t(key as MessageKey, params)
}

/** A hub's last failure code (capabilities), worded; unknown codes read as a generic failure. */
export function hubFailureText(t: Translate, code: string): string {
  const key = `hubFailure.${code}`
  return key in en ? t(key as MessageKey) : t('hubFailure.other')
}
