/**
 * Names for the hub-search contract types (generated from `openapi/catalog-api.yaml`). Kept in the feature
 * until they move to `lib/types.ts` (fewer merge conflicts while two people work on the page).
 */
import type { components } from '@/api/schema'

type Schemas = components['schemas']

export type SearchPage = Schemas['SearchPage']
export type SearchItem = Schemas['SearchItem']
export type ModelMetadata = Schemas['ModelMetadata']
export type FileEntry = Schemas['FileEntry']
export type Provider = Schemas['Provider']
export type Role = Schemas['Role']
export type SizeSource = NonNullable<SearchItem['size_source']>

export type SearchSort = 'downloads' | 'likes' | 'updated' | 'trending'

export interface SearchParams {
  provider: Provider
  q: string
  task: string
  sort: SearchSort
  page: number
  limit: number
  /** next_cursor of the previous page, when known (overrides page on the server). */
  cursor?: string
}
