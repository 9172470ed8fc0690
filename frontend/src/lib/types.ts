/**
 * The one types module of the page: names for the API's types and the values of its enums. Everything here comes
 * from the generated contract (`src/api/schema.ts`, made from `openapi/catalog-api.yaml` by `npm run gen:api`), so a
 * value the API adds or drops shows up here, and in every `Record<…>` keyed by it, as a type error.
 */
import {
  downloadedModelStateValues,
  modelActionValues,
  modelSourceNameValues,
  pathsApiV2CatalogNodesGetParametersQuerySortValues,
  pathsApiV2CatalogAuditGetParametersQueryOutcomeValues,
  pathsApiV2CatalogModelsGetParametersQuerySortValues,
  pathsApiV2CatalogSearchGetParametersQuerySortValues,
  providerValues,
  roleValues,
  type components,
  type operations,
} from '@/api/schema'

type Schemas = components['schemas']

export type Capabilities = Schemas['Capabilities']
/** What anonymous callers get: enough for the sign-in page. */
export type PublicCapabilities = Schemas['PublicCapabilities']
export type HubCapability = Schemas['HubCapability']
export type ErrorResponse = Schemas['ErrorResponse']
/** Something the server tells the user, as a stable code with parameters (the page words it). */
export type Notice = Schemas['Notice']

export type Role = Schemas['Role']
export const ROLE_VALUES = roleValues
export type User = Schemas['User']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResponse = Schemas['LoginResponse']
export type Me = Schemas['Me']

export type AuditRecord = Schemas['AuditRecord']
export type AuditPage = Schemas['AuditPage']
export type AuditOutcome = AuditRecord['outcome']
export const AUDIT_OUTCOMES = pathsApiV2CatalogAuditGetParametersQueryOutcomeValues
export type AuditQuery = NonNullable<operations['listAudit']['parameters']['query']>

export type DownloadedModelPage = Schemas['DownloadedModelPage']
export type DownloadedModelRow = Schemas['DownloadedModelRow']
export type DownloadedModelState = Schemas['DownloadedModelState']
export const DOWNLOADED_MODEL_STATES = downloadedModelStateValues
export type DownloadProgress = NonNullable<Schemas['DownloadProgress']>
export type RowError = NonNullable<Schemas['RowError']>
export type ReplicaRef = Schemas['ReplicaRef']
export type DownloadedModelDetail = Schemas['DownloadedModelDetail']
export type CacheCopy = Schemas['CacheCopy']
export type DeleteImpact = Schemas['DeleteImpact']
export type DeleteResult = Schemas['DeleteResult']
export type ModelSourceName = Schemas['ModelSourceName']
export const MODEL_SOURCES = modelSourceNameValues
export type DownloadedModelsQuery = NonNullable<operations['listDownloadedModels']['parameters']['query']>
export type ModelSort = NonNullable<DownloadedModelsQuery['sort']>
export const MODEL_SORTS = pathsApiV2CatalogModelsGetParametersQuerySortValues
export type SortOrder = NonNullable<DownloadedModelsQuery['order']>

/** A hub, as answers name it (`huggingface`, `modelscope`). */
export type CatalogProvider = Schemas['Provider']
export const PROVIDERS = providerValues
export type SearchPage = Schemas['SearchPage']
/** One search result (the design's CatalogModelItem). */
export type CatalogModelItem = Schemas['SearchItem']
export type SearchItem = CatalogModelItem
export type SizeSource = NonNullable<SearchItem['size_source']>
export type ModelMetadata = Schemas['ModelMetadata']
export type SearchSort = NonNullable<NonNullable<operations['searchHub']['parameters']['query']>['sort']>
export const SEARCH_SORTS = pathsApiV2CatalogSearchGetParametersQuerySortValues

/** One search as the page asks for it (the API's query, with the parts the page always sends). */
export interface SearchParams {
  provider: CatalogProvider
  q: string
  task: string
  sort: SearchSort
  page: number
  limit: number
  /** next_cursor of the previous page, when known (overrides page on the server). */
  cursor?: string
}

export type ImportRequest = Schemas['ImportRequest']
export type ImportResult = Schemas['ImportResult']
export type Preflight = Schemas['Preflight']
export type UidCheck = Schemas['UidCheck']
export type EngineType = NonNullable<ImportRequest['engine_type']>
export type BatchImportItem = Schemas['BatchImportItem']
export type BatchImport = Schemas['BatchImport']
export type BatchImportOutcome = BatchImport['items'][number]
export type BatchPreflight = Schemas['BatchPreflight']
export type BatchPreflightItem = BatchPreflight['items'][number]
/** Why one item of a batch failed: the error the single request would have answered. */
export type ItemError = NonNullable<Schemas['ItemError']>

/** Fit before fetch: the pre-flight's estimate of the model in the live nodes' GPUs. */
export type Fit = Schemas['Fit']
export type FitNode = Schemas['FitNode']
export type FitOption = Schemas['FitOption']
export type FitVerdict = Schemas['FitVerdict']
export type FitVerdictCode = FitVerdict['code']

export type ModelAction = Schemas['ModelAction']
export const MODEL_ACTIONS = modelActionValues
export type LifecycleResult = Schemas['LifecycleResult']
export type NewerRevision = NonNullable<Schemas['NewerRevision']>

export type BatchDeleteImpact = Schemas['BatchDeleteImpact']
export type BatchDeleteResult = Schemas['BatchDeleteResult']
export type BatchDeleteOutcome = BatchDeleteResult['results'][number]

/** The cache manager: nodes, GPUs, disks, merged alerts, cached copies and what is safe to reclaim. */
export type ClusterNodes = Schemas['ClusterNodes']
export type ClusterNode = Schemas['ClusterNode']
export type ClusterTotals = Schemas['ClusterTotals']
export type NodeGpu = Schemas['NodeGpu']
export type NodeAlert = Schemas['NodeAlert']
export type NodeDiskUsage = NonNullable<Schemas['NodeDiskUsage']>
export type CachedCopy = Schemas['CachedCopy']
export type NodesQuery = NonNullable<operations['listClusterNodes']['parameters']['query']>
export type CopySort = NonNullable<NodesQuery['sort']>
export const COPY_SORTS = pathsApiV2CatalogNodesGetParametersQuerySortValues
