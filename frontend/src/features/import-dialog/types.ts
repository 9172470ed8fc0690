/** Names for the import contract types (generated from `openapi/catalog-api.yaml`). */
import type { components } from '@/api/schema'

type Schemas = components['schemas']

export type ImportRequest = Schemas['ImportRequest']
export type ImportResult = Schemas['ImportResult']
export type PreflightResult = Schemas['Preflight']
export type Problem = Schemas['Notice']

/** Engines the dialog offers (the contract takes any string; Nebula knows these two). */
export type EngineType = 'vllm' | 'sglang'
