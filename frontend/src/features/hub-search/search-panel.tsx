import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { Download, Search, SearchX } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Pager } from '@/components/ui/pager'
import { Skeleton } from '@/components/ui/skeleton'
import { useRole } from '@/features/auth/use-session'
import { SelectionBar } from '@/features/batch-delete/selection-bar'
import { HIGHLIGHT_NOTICE_ID } from '@/features/downloaded-models/url-state'
import { useI18n } from '@/i18n'
import { formatCount } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { ImportResult, SearchItem } from '@/lib/types'
import type { HubAvailability } from './hub-health'
import { ResultList } from './result-list'
import { SearchForm } from './search-form'
import { useHubSearch } from './use-hub-search'
import { useSearchState } from './use-search-state'

// Opened on demand only: their code (Radix dialog, file table, pre-flight form) loads on first use.
const MetadataDrawer = lazy(() => import('./metadata-drawer').then((m) => ({ default: m.MetadataDrawer })))
const ImportDialog = lazy(() => import('@/features/import-dialog/import-dialog').then((m) => ({ default: m.ImportDialog })))
const BatchImportDialog = lazy(() => import('@/features/import-dialog/batch-import-dialog').then((m) => ({ default: m.BatchImportDialog })))

export const PAGE_SIZE = 20
/** The most models one batch import takes (the API's limit). */
export const BATCH_MAX = 10

/** The search itself: controls, results with their pager, and the metadata and import dialogs they open. */
export function SearchPanel({
  availability,
  ready,
  onImported,
  onShowInCluster,
}: {
  availability: HubAvailability | undefined
  /** False until the capabilities are known (so a hub that is down is not asked first). */
  ready: boolean
  onImported: (result: ImportResult) => void
  onShowInCluster: (uid: string) => void
}) {
  const { t, lang } = useI18n()
  const state = useSearchState()
  const [details, setDetails] = useState<SearchItem | null>(null)
  const [importing, setImporting] = useState<SearchItem | null>(null)
  // results chosen for one batch download (operators), kept across pages, searches and hubs
  const [picked, setPicked] = useState<SearchItem[]>([])
  // the batch in the dialog: what was picked when it opened, less what is taken out there
  const [batch, setBatch] = useState<SearchItem[] | null>(null)
  const operator = useRole().can('operator')
  const pick = (item: SearchItem, on: boolean) =>
    setPicked((all) => (on ? (all.length < BATCH_MAX && !all.some((i) => i.id === item.id) ? [...all, item] : all) : all.filter((i) => i.id !== item.id)))
  const resultsTop = useRef<HTMLDivElement>(null)

  // Start on a hub that works.
  const usable = availability?.usable
  const { provider, setProvider } = state
  useEffect(() => {
    if (usable && usable.length > 0 && !usable.includes(provider)) setProvider(usable[0])
  }, [usable, provider, setProvider])

  // Nothing is asked of a hub until there is something to look for (hub quotas are small).
  const active = state.q !== '' || state.task !== ''
  const search = useHubSearch(
    { provider: state.provider, q: state.q, task: state.task, sort: state.sort, page: state.page, limit: PAGE_SIZE, cursor: state.cursor },
    ready && active,
  )
  const data = search.data
  const total = data?.total ?? null
  const lastPage =
    data == null ? 1 : total != null ? Math.max(1, Math.min(100, Math.ceil(total / data.limit))) : data.has_more ? data.page + 1 : data.page

  return (
    <CatalogBlock id="hub-search" icon={<Search aria-hidden />} title={t('search.title')} description={t('search.description')}>
      <div className="space-y-4">
        <SearchForm state={state} availability={availability} searching={search.isFetching} />

        <div aria-live="polite" className="text-sm text-muted-foreground" data-testid="search-summary">
          {active && data && !search.isPlaceholderData && data.items.length > 0 &&
            (total != null
              ? t('hs.summaryTotal', {
                  from: formatCount((data.page - 1) * data.limit + 1, lang),
                  to: formatCount((data.page - 1) * data.limit + data.items.length, lang),
                  total: formatCount(total, lang),
                })
              : t('hs.summaryPage', { page: data.page, count: data.items.length }))}
        </div>

        {!active ? (
          <EmptyState icon={<Search aria-hidden />} title={t('hs.promptTitle', { hub: t(`provider.${state.provider}`) })} className="py-8">
            {t('hs.promptBody')}
          </EmptyState>
        ) : search.isError ? (
          <ApiErrorAlert
            key={String(search.errorUpdatedAt)}
            error={search.error}
            title={t('hs.searchError')}
            onRetry={() => void search.refetch()}
            testId="search-error"
          />
        ) : data == null ? (
          <ResultsSkeleton />
        ) : (
          <div
            ref={resultsTop}
            className={cn('scroll-mt-20 space-y-4 transition-opacity', search.isPlaceholderData && 'opacity-60')}
            aria-busy={search.isFetching}
          >
            {data.items.length === 0 ? (
              <EmptyState icon={<SearchX aria-hidden />} title={data.page > 1 ? t('hs.emptyPageTitle') : t('hs.emptyTitle')}>
                {data.page > 1 ? t('hs.emptyPageBody') : state.q ? t('hs.emptyBody', { q: state.q }) : t('hs.emptyBodyAll')}
              </EmptyState>
            ) : (
              <ResultList
                items={data.items}
                onDetails={setDetails}
                onDownload={setImporting}
                selection={
                  operator
                    ? { selected: new Set(picked.map((i) => i.id)), onToggle: pick, full: picked.length >= BATCH_MAX }
                    : undefined
                }
              />
            )}
            {(data.items.length > 0 || state.page > 1) && (
              <Pager
                page={state.page}
                last={Math.max(lastPage, state.page)}
                lastKnown={total != null}
                hasMore={data.has_more}
                busy={search.isFetching}
                onPage={(page) => state.goTo(page, data.next_cursor)}
                scrollTarget={resultsTop}
                label={t('hs.pagination')}
              />
            )}
          </div>
        )}
      </div>

      {picked.length > 0 && (
        <SelectionBar count={t('bimp.selected', { count: picked.length })} onClear={() => setPicked([])} testId="import-selection-bar">
          {picked.length >= BATCH_MAX && <span className="text-xs text-muted-foreground">{t('bimp.max', { max: BATCH_MAX })}</span>}
          <Button size="sm" onClick={() => setBatch(picked)} data-testid="batch-import-open">
            <Download aria-hidden />
            {t('bimp.downloadN', { count: picked.length })}
          </Button>
        </SelectionBar>
      )}
      <Suspense fallback={null}>
        {batch && (
          <BatchImportDialog
            items={batch}
            onRemove={(item) => {
              pick(item, false)
              setBatch((all) => all?.filter((i) => i.id !== item.id) ?? null)
            }}
            onClose={() => setBatch(null)}
            onStarted={(ids) => setPicked((all) => all.filter((i) => !ids.includes(i.id)))}
            onShow={(uid) => {
              setBatch(null)
              onShowInCluster(uid)
            }}
            // the bar that opened it goes away once every model started: back to the results
            focusAfter={(shown) =>
              shown ? document.getElementById(HIGHLIGHT_NOTICE_ID) : document.querySelector<HTMLElement>('[data-testid="select-result"]')
            }
          />
        )}
        {details && <MetadataDrawer item={details} onClose={() => setDetails(null)} />}
        {importing && (
          <ImportDialog
            key={importing.id}
            item={importing}
            focusAfterImport={() => document.getElementById(HIGHLIGHT_NOTICE_ID)}
            onClose={() => setImporting(null)}
            onShowExisting={(uid) => {
              setImporting(null)
              onShowInCluster(uid)
            }}
            onImported={(result) => {
              setImporting(null)
              onImported(result)
            }}
          />
        )}
      </Suspense>
    </CatalogBlock>
  )
}

function ResultsSkeleton() {
  const { t } = useI18n()
  return (
    <div aria-busy="true" className="space-y-3" data-testid="search-loading">
      <span className="sr-only">{t('hs.loading')}</span>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="space-y-2 rounded-lg border p-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-10" />
        </div>
      ))}
    </div>
  )
}
