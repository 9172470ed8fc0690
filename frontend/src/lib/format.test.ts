import { describe, expect, it } from 'vitest'
import { formatAgo, formatMebibytes } from './format'

describe('format', () => {
  it('says GPU memory in binary units, as nvidia-smi users read it', () => {
    expect(formatMebibytes(512, 'en')).toBe('512 MiB')
    expect(formatMebibytes(81_559, 'en')).toBe('79.6 GiB')
    expect(formatMebibytes(1_489_216, 'zh')).toBe('1,454 GiB')
  })

  it('never puts a heartbeat in the future when the cluster’s clock runs ahead', () => {
    const now = Date.parse('2026-11-26T10:00:00Z')
    expect(formatAgo('2026-11-26T10:02:00Z', 'en', now)).toBe('now')
    expect(formatAgo('2026-11-26T09:58:00Z', 'en', now)).toBe('2 minutes ago')
    expect(formatAgo('2026-11-26T09:58:00Z', 'zh', now)).toBe('2分钟前')
  })
})
