/**
 * Words a server notice (pre-flight problem, delete note or effect, why Delete is not offered, a hub's last failure)
 * in the reader's language from its stable code and parameters. A code this page does not know yet falls back to the
 * server's English message, never to the raw code. Counts keep their numbers (plural forms), sizes read in the
 * reader's units, and lists (uids, nodes) are joined the way the language joins them.
 */
import { en, type MessageKey } from '@/i18n/en'
import type { Lang, Translate } from '@/i18n'
import { formatBytes, formatMebibytes, formatParameters } from '@/lib/format'

import type { Notice } from '@/lib/types'

export type { Notice }

/** Parameters that are byte counts, shown as sizes in the reader's locale. */
const BYTE_PARAMS = new Set(['bytes', 'available_bytes'])
/** GPU memory in MiB (the fit's per-GPU need, a GPU's size, the CUDA context). */
const MIB_PARAMS = new Set(['per_gpu_mb', 'gpu_memory_mb', 'gpu_overhead_mb'])
const LIST_PARAMS = new Set(['model_uids', 'nodes'])

export function noticeText(t: Translate, lang: Lang, notice: Notice): string {
  const key = `notice.${notice.code}`
  if (!(key in en)) return notice.message
  const params: Record<string, string | number> = {}
  for (const [name, value] of Object.entries(notice.params ?? {})) {
    params[name] =
      typeof value !== 'number' ? value
      : BYTE_PARAMS.has(name) ? formatBytes(value, lang)
      : MIB_PARAMS.has(name) ? formatMebibytes(value, lang)
      : name === 'parameters' ? formatParameters(value)
      : value
    // lists arrive comma-joined; Chinese joins them with its own comma
    if (lang === 'zh' && typeof value === 'string' && LIST_PARAMS.has(name)) params[name] = value.split(/,\s*/).join('、')
  }
  if (typeof params.hub === 'string' && `provider.${params.hub}` in en) params.hub = t(`provider.${params.hub}` as MessageKey)
  // a model's state, and why the fit cannot tell, in the reader's words
  if (typeof params.state === 'string' && `models.state.${params.state}` in en) params.state = t(`models.state.${params.state}` as MessageKey)
  if (typeof params.reason === 'string' && `notice.reason.${params.reason}` in en) params.reason = t(`notice.reason.${params.reason}` as MessageKey)
  if (typeof params.access === 'string' && `notice.access.${params.access}` in en) {
    params.access = t(`notice.access.${params.access}` as MessageKey)
  }
  return t(key as MessageKey, params)
}
