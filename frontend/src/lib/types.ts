/**
 * Names the page uses for the API's types. Every type here comes from the generated contract
 * (`src/api/schema.ts`, made from `openapi/catalog-api.yaml` by `npm run gen:api`).
 */
import type { components, operations } from '@/api/schema'

type Schemas = components['schemas']

export type Capabilities = Schemas['Capabilities']
/** What anonymous callers get: enough for the sign-in page. */
export type PublicCapabilities = Schemas['PublicCapabilities']
export type HubCapability = Schemas['HubCapability']
export type CatalogProvider = Schemas['Provider']
export type ErrorResponse = Schemas['ErrorResponse']

export type Role = Schemas['Role']
export type User = Schemas['User']
export type LoginRequest = Schemas['LoginRequest']
export type LoginResponse = Schemas['LoginResponse']
export type Me = Schemas['Me']

export type AuditRecord = Schemas['AuditRecord']
export type AuditPage = Schemas['AuditPage']
export type AuditOutcome = AuditRecord['outcome']
export type AuditQuery = NonNullable<operations['listAudit']['parameters']['query']>

export type DownloadedModelPage = Schemas['DownloadedModelPage']
export type DownloadedModelRow = Schemas['DownloadedModelRow']
export type DownloadedModelState = Schemas['DownloadedModelState']
export type DownloadProgress = NonNullable<Schemas['DownloadProgress']>
export type DownloadedModelDetail = Schemas['DownloadedModelDetail']
export type DeleteImpact = Schemas['DeleteImpact']
export type DeleteResult = Schemas['DeleteResult']
export type ModelSourceName = Schemas['ModelSourceName']
export type DownloadedModelsQuery = NonNullable<operations['listDownloadedModels']['parameters']['query']>
