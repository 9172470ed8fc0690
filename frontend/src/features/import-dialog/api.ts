import { call, http } from '@/lib/api'
import type { ImportRequest, ImportResult, PreflightResult } from './types'

export const importApi = {
  preflight(body: ImportRequest, signal?: AbortSignal): Promise<PreflightResult> {
    return call(() => http.POST('/api/v2/catalog/import/preflight', { body, signal }))
  },

  /** Starts an import. The same Idempotency-Key makes a repeated submission return the same import. */
  start(body: ImportRequest, idempotencyKey: string): Promise<ImportResult> {
    return call(() =>
      http.POST('/api/v2/catalog/import', { body, params: { header: { 'Idempotency-Key': idempotencyKey } } }),
    )
  },
}
