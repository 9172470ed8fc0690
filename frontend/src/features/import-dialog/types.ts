/**
 * Shapes of the import endpoints as announced (`POST /api/v2/catalog/import/preflight`, `POST /api/v2/catalog/import`).
 * They are not in this branch's contract yet: once `openapi/catalog-api.yaml` has them, replace each with the
 * generated type, e.g. `export type ImportResult = components['schemas']['ImportResult']`.
 */
import type { Provider } from '@/features/hub-search/types'

export type EngineType = 'vllm' | 'sglang'

export interface ImportRequest {
  provider: Provider
  model_id: string
  model_uid?: string
  engine_type?: EngineType
  replicas?: number
  auto_start?: boolean
}

export interface Problem {
  code: string
  message: string
}

export interface PreflightResult {
  provider: Provider
  model_id: string
  exists_on_hub: boolean
  revision: string | null
  size_bytes: number | null
  size_source: string | null
  gated: boolean
  is_private: boolean
  suggested_uid: string | null
  registered: { model_uid: string; model_name: string; state: string }[]
  cached_on: { node_id: string; size_bytes: number | null; complete: boolean }[]
  disk: { node_id: string; available_bytes: number | null; fits: boolean }[]
  blocking: Problem[]
  warnings: Problem[]
}

export interface ImportResult {
  import_id: string
  model_uid: string
  status: string
  provider: Provider
  model_id: string
  revision: string | null
  expected_bytes: number | null
  engine_type: string
  replicas: number
  auto_start: boolean
  imported_by: string
  created_at: string
  error: string | null
}
