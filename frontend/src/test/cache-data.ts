/** Test data for the cache manager's parts: rows with actions, nodes, fits, batch answers (vitest suites only). */
import type {
  BatchDeleteImpact,
  CachedCopy,
  ClusterNode,
  ClusterNodes,
  DownloadedModelRow,
  Fit,
  FitNode,
  Notice,
  Preflight,
} from '@/lib/types'

export const notice = (code: string, params: Notice['params'] = {}, message = `${code} (English)`): Notice => ({ code, params, message })

export function makeRow(overrides: Partial<DownloadedModelRow> = {}): DownloadedModelRow {
  return {
    model_name: 'Qwen/Qwen2.5-7B',
    model_uid: 'qwen-7b',
    source: 'huggingface',
    revision: 'a09a35458c702b33eeacc393d103063234e8bc28',
    size_bytes: 15_200_000_000,
    nodes: [{ node_id: 'gpu-a', cache_path: '/DATA/Model/models--Qwen--Qwen2.5-7B', size_bytes: 15_200_000_000, complete: true, last_access: null, alive: true }],
    node_count: 1,
    last_used: '2026-11-26T09:00:00Z',
    last_seen_running: null,
    state: 'running',
    engine_type: 'vllm',
    replicas: { desired: 1, ready: 1, unhealthy: 0 },
    endpoints: [],
    progress: null,
    error: null,
    imported_by: 'ops',
    imported_at: '2026-11-25T09:00:00Z',
    deletable: true,
    delete_blocked_by: [],
    actions: ['stop'],
    newer_revision: null,
    ...overrides,
  }
}

export function makeCopy(overrides: Partial<CachedCopy> = {}): CachedCopy {
  return {
    cache_path: '/DATA/Model/.cache/huggingface/hub/models--BAAI--bge-reranker-v2-m3',
    model_name: 'BAAI/bge-reranker-v2-m3',
    layout: 'huggingface',
    size_bytes: 2_270_000_000,
    file_count: 9,
    complete: true,
    last_scanned: '2026-11-26T10:00:00Z',
    last_used: null,
    used_by: [{ model_uid: 'reranker', model_name: 'BAAI/bge-reranker-v2-m3', state: 'stopped', deployed: false }],
    downloading: false,
    in_use_on_node: false,
    safe_to_reclaim: true,
    reclaim: { how: 'delete_model', model_uid: 'reranker' },
    reclaim_blocked_by: [],
    ...overrides,
  }
}

export function makeNode(overrides: Partial<ClusterNode> = {}): ClusterNode {
  return {
    node_id: 'gpu-a',
    alive: true,
    last_heartbeat: '2026-11-26T10:00:05Z',
    last_scan: '2026-11-26T10:00:00Z',
    model_dir: '/DATA/Model',
    gpus: [
      { index: 0, memory_total_mb: 81_559, memory_used_mb: 17_143, utilization_percent: 87, temperature_c: 61, held_by: ['qwen-7b'] },
      { index: 1, memory_total_mb: 81_559, memory_used_mb: 3, utilization_percent: 0, temperature_c: 34, held_by: [] },
    ],
    disk: { total_bytes: 2_000_000_000_000, used_bytes: 1_720_000_000_000, available_bytes: 280_000_000_000, used_percent: 86 },
    model_cache_bytes: 31_000_000_000,
    reclaimable_bytes: 2_270_000_000,
    alert_level: 'warning',
    alerts: [
      {
        alert_type: 'disk_warning', active: true, first_seen: '2026-11-26T08:00:00Z', last_seen: '2026-11-26T10:00:00Z', usage_percent: 86,
        available_bytes: 280_000_000_000, notice: notice('disk_warning', { node: 'gpu-a', percent: 86, available_bytes: 280_000_000_000 }),
      },
      {
        alert_type: 'disk_critical', active: false, first_seen: '2026-11-24T10:00:00Z', last_seen: '2026-11-24T10:00:00Z', usage_percent: 95.7,
        available_bytes: 86_000_000_000, notice: notice('disk_critical', { node: 'gpu-a', percent: 96, available_bytes: 86_000_000_000 }),
      },
    ],
    copies: [
      makeCopy(),
      makeCopy({
        cache_path: '/DATA/Model/.cache/huggingface/hub/models--Qwen--Qwen2.5-7B',
        model_name: 'Qwen/Qwen2.5-7B',
        size_bytes: 15_200_000_000,
        last_used: '2026-11-26T10:00:00Z',
        used_by: [{ model_uid: 'qwen-7b', model_name: 'Qwen/Qwen2.5-7B', state: 'running', deployed: true }],
        in_use_on_node: true,
        safe_to_reclaim: false,
        reclaim: null,
        reclaim_blocked_by: [notice('deployed', { model_uid: 'qwen-7b', state: 'running' })],
      }),
    ],
    ...overrides,
  }
}

export function makeNodes(nodes: ClusterNode[] = [makeNode(), makeDeadNode()]): ClusterNodes {
  return {
    nodes,
    totals: {
      nodes: nodes.length, live_nodes: nodes.filter((n) => n.alive !== false).length, gpus: 2, gpu_memory_total_mb: 163_118,
      gpu_memory_used_mb: 17_146, disk_total_bytes: 3_000_000_000_000, disk_used_bytes: 2_700_000_000_000, disk_available_bytes: 300_000_000_000,
      model_cache_bytes: 48_000_000_000, copies: 3, safe_copies: 1, reclaimable_bytes: 2_270_000_000, reclaimable_bytes_dead_nodes: 17_000_000_000,
      active_alerts: 1,
    },
    alerts_known: true,
    gpus_known: true,
    as_of: '2026-11-26T10:00:06Z',
    stale: false,
  }
}

/** A node that stopped heartbeating: no GPUs, its copy still listed. */
export function makeDeadNode(): ClusterNode {
  return makeNode({
    node_id: 'gpu-d',
    alive: false,
    last_heartbeat: '2026-11-25T10:00:00Z',
    gpus: [],
    disk: { total_bytes: 1_000_000_000_000, used_bytes: 977_000_000_000, available_bytes: 23_000_000_000, used_percent: 97.7 },
    model_cache_bytes: 17_000_000_000,
    reclaimable_bytes: 17_000_000_000,
    alert_level: 'critical',
    alerts: [],
    copies: [
      makeCopy({
        cache_path: '/DATA/Model/.cache/huggingface/hub/models--meta--Llama-3-8B',
        model_name: 'meta/Llama-3-8B',
        size_bytes: 17_000_000_000,
        used_by: [{ model_uid: 'llama-8b', model_name: 'meta/Llama-3-8B', state: 'stopped', deployed: false }],
        reclaim: { how: 'delete_model', model_uid: 'llama-8b' },
      }),
    ],
  })
}

export function makeFitNode(overrides: Partial<FitNode> = {}): FitNode {
  return {
    node_id: 'gpu-a',
    gpu_count: 8,
    free_gpu_count: 6,
    gpu_memory_mb: 81_559,
    options: [
      { tensor_parallel_size: 1, per_gpu_mb: 20_004, fits_now: true, fits_when_idle: true },
      { tensor_parallel_size: 2, per_gpu_mb: 10_514, fits_now: true, fits_when_idle: true },
    ],
    tensor_parallel_size: 1,
    fits_now: true,
    ...overrides,
  }
}

export function makeFit(overrides: Partial<Fit> = {}): Fit {
  return {
    weight_bytes: 16_584_414_560,
    weight_source: 'files',
    weight_files: 5,
    parameters: 8_292_166_656,
    bytes_per_parameter: null,
    headroom_percent: 20,
    gpu_overhead_mb: 1024,
    required_bytes: 19_901_297_472,
    estimate: [
      notice('weights_from_files', { files: 5, bytes: 16_584_414_560 }),
      notice('runtime_headroom', { percent: 20, gpu_overhead_mb: 1024 }),
    ],
    nodes: [
      makeFitNode(),
      makeFitNode({
        node_id: 'gpu-c', gpu_count: 4, free_gpu_count: 0, gpu_memory_mb: 46_068, tensor_parallel_size: null, fits_now: false,
        options: [
          { tensor_parallel_size: 1, per_gpu_mb: 20_004, fits_now: false, fits_when_idle: true },
          { tensor_parallel_size: 2, per_gpu_mb: 10_514, fits_now: false, fits_when_idle: true },
        ],
      }),
    ],
    verdict: { code: 'fits', tensor_parallel_size: 1, nodes: ['gpu-a'], notice: notice('fit_on_nodes', { count: 1, nodes: 'gpu-a' }) },
    config: { required_vram_mb: 20_004, tensor_parallel_size: null, overridden: false },
    ...overrides,
  }
}

export function makePreflight(overrides: Partial<Preflight> = {}): Preflight {
  return {
    provider: 'huggingface',
    model_id: 'Qwen/Qwen2.5-VL-7B-Instruct',
    exists_on_hub: true,
    revision: '6e6556e8ce728c7b3e438d75ebf04ec93403dc19',
    size_bytes: 16_600_360_668,
    size_source: 'files',
    gated: false,
    is_private: false,
    suggested_uid: 'qwen-qwen2-5-vl-7b-instruct',
    registered: [],
    cached_on: [],
    disk: [{ node_id: 'gpu-a', alive: true, available_bytes: 500_000_000_000, total_bytes: 1_000_000_000_000, used_percent: 50, fits: true }],
    fit: makeFit(),
    blocking: [],
    warnings: [],
    ...overrides,
  }
}

export function makeBatchImpact(uids: string[], overrides: Partial<BatchDeleteImpact> = {}): BatchDeleteImpact {
  const file = (uid: string) => ({
    node_id: 'gpu-a', cache_path: `/DATA/Model/${uid}`, layout: 'plain' as const, size_bytes: 2_000_000_000, file_count: 9, complete: true,
    last_access: null, alive: true,
  })
  return {
    models: uids.map((uid) => ({
      model_uid: uid, model_name: `org/${uid}`, state: 'stopped', running_replicas: 0,
      files_deleted: [file(uid)],
      nodes: ['gpu-a'], freed_bytes_expected: 2_000_000_000, affected_models: [], affected_cache_only: [], notes: [], as_of: '2026-11-26T10:00:00Z', stale: false,
    })),
    unknown_uids: [],
    files_deleted: uids.map(file),
    nodes: ['gpu-a'],
    freed_bytes_expected: uids.length * 2_000_000_000,
    running_replicas: 0,
    affected_models: [],
    affected_cache_only: [],
    notes: [],
    confirmation_phrase: `delete ${uids.length} models`,
    as_of: '2026-11-26T10:00:00Z',
    stale: false,
    ...overrides,
  }
}
