import { describe, expect, it } from 'vitest'
import { translate } from '@/i18n'
import { noticeText, type Notice } from './notice'

const zh = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('zh', key, params)
const en = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('en', key, params)

describe('noticeText', () => {
  it('words a pre-flight problem in Chinese from its code and parameters, sizes in the reader’s units', () => {
    const room: Notice = { code: 'no_node_has_room', params: { bytes: 15_231_233_024 }, message: 'No node has 15231233024 bytes free' }
    const text = noticeText(zh, 'zh', room)
    expect(text).toContain('没有节点')
    expect(text).toMatch(/15\.2\s*GB/)
    expect(text).not.toContain('bytes free')
  })

  it('names the hub and the access kind in the reader’s language', () => {
    const gated: Notice = {
      code: 'hub_token_required',
      params: { model_id: 'meta-llama/Llama-3-8B', hub: 'huggingface', access: 'gated', variable: 'HF_TOKEN' },
      message: 'meta-llama/Llama-3-8B is gated on Hugging Face: set HF_TOKEN …',
    }
    expect(noticeText(zh, 'zh', gated)).toContain('需申请访问的')
    expect(noticeText(en, 'en', gated)).toBe(
      'meta-llama/Llama-3-8B is gated on Hugging Face: set HF_TOKEN to a token whose account has been granted access, restart the service, and try again.',
    )
  })

  it('falls back to the server’s English message for a code it does not know, never to the code', () => {
    const later: Notice = { code: 'something_new', params: {}, message: 'Something new happened.' }
    expect(noticeText(zh, 'zh', later)).toBe('Something new happened.')
  })
})
