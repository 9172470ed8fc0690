import type { Capabilities } from '@/lib/types'
import type { ModelMetadata, SearchItem, SearchPage } from '@/lib/types'

/** Test data for block B (used by the vitest suites only). */
export function makeItem(overrides: Partial<SearchItem> = {}): SearchItem {
  return {
    id: 'Qwen/Qwen2.5-7B-Instruct',
    provider: 'huggingface',
    name: 'Qwen2.5-7B-Instruct',
    author: 'Qwen',
    display_name: null,
    description: null,
    task: 'text-generation',
    tags: ['transformers', 'safetensors'],
    library: 'transformers',
    size_bytes: 15_242_807_270,
    size_source: 'used_storage',
    parameters: 7_615_616_512,
    downloads: 14_881_790,
    likes: 1180,
    updated_at: '2025-01-12T02:27:25.000Z',
    created_at: '2024-09-16T11:55:40.000Z',
    gated: false,
    gated_mode: null,
    private: false,
    license: 'apache-2.0',
    hub_url: 'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct',
    in_cluster: { held: false, model_uids: [], nodes: [] },
    ...overrides,
  }
}

export function makePage(overrides: Partial<SearchPage> = {}): SearchPage {
  return {
    provider: 'huggingface',
    page: 1,
    limit: 20,
    items: [makeItem()],
    has_more: false,
    total: null,
    next_cursor: null,
    ...overrides,
  }
}

export function makeMetadata(overrides: Partial<ModelMetadata> = {}): ModelMetadata {
  return {
    id: 'Qwen/Qwen2.5-7B-Instruct',
    provider: 'huggingface',
    revision: 'a09a35458c702b33eeacc393d103063234e8bc28',
    files: [
      { path: 'config.json', size_bytes: 663, sha256: null, lfs: false },
      { path: 'model-00001-of-00004.safetensors', size_bytes: 3_945_441_440, sha256: 'ab', lfs: true },
    ],
    files_truncated: false,
    file_count: 2,
    total_size_bytes: 3_945_442_103,
    license: 'apache-2.0',
    gated: false,
    gated_mode: null,
    private: false,
    tags: ['transformers', 'chat'],
    parameters: 7_615_616_512,
    task: 'text-generation',
    library: 'transformers',
    updated_at: '2025-01-12T02:27:25.000Z',
    summary: 'Qwen2.5 is the latest series of Qwen large language models.',
    hub_url: 'https://huggingface.co/Qwen/Qwen2.5-7B-Instruct',
    ...overrides,
  }
}

export const bothHubsUp: Capabilities = {
  service: 'nebula-model-catalog',
  version: 'test',
  imports: { engine_types: ['vllm', 'sglang'], max_replicas: 8 },
  database: { reachable: true, error: null },
  nebula: { configured: true, simulated: true, url_host: 'sim:1', reachable: true, error: null },
  hubs: [
    { provider: 'huggingface', enabled: true, reachable: true, endpoint_variable: 'HF_ENDPOINT', base_url_host: 'huggingface.co', token_configured: false, circuit: 'closed' },
    { provider: 'modelscope', enabled: true, reachable: true, endpoint_variable: 'MODELSCOPE_ENDPOINT', base_url_host: 'modelscope.cn', token_configured: false, circuit: 'closed' },
  ],
}
