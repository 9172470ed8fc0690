import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'wouter'
import { CloudOff, FilterX, HardDrive, Info, Loader2, RefreshCw, SearchX, Sparkles } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Pager } from '@/components/ui/pager'
import { Skeleton } from '@/components/ui/skeleton'
import { useRole } from '@/features/auth/use-session'
import { BatchDeleteBar } from '@/features/batch-delete/batch-delete-bar'
import { useUidSelection } from '@/features/batch-delete/use-selection'
import { useI18n } from '@/i18n'
import { formatDateTime } from '@/lib/format'
import { useHighlightUid } from '@/lib/highlight'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { DownloadedModelRow, DownloadedModelsQuery } from '@/lib/types'
import { useRowLifecycle } from './lifecycle'
import { ModelFilters } from './model-filters'
import { ModelsTable } from './models-table'
import { useDownloadedModels } from './use-downloaded-models'
import { FIRST_ORDER, HIGHLIGHT_NOTICE_ID, MODELS_PAGE_SIZE, PAGE_SIZES, readModelsQuery, writeModelsQuery, type ModelSort } from './url-state'

// Opened rarely and only on demand: loaded when first needed to keep the page's first load small.
const DeleteModelDialog = lazy(() => import('./delete-model-dialog').then((m) => ({ default: m.DeleteModelDialog })))
const ModelDetailsSheet = lazy(() => import('./model-details-sheet').then((m) => ({ default: m.ModelDetailsSheet })))

export { MODELS_PAGE_SIZE }
/** The text filter applies while typing, once the user pauses (same feel as block B's search box). */
export const FILTER_DEBOUNCE_MS = 400
/** Where focus goes after a delete: the notice saying it happened (the row itself goes away). */
const NOTICE_ID = 'models-notice'

/**
 * Block A: every model the cluster holds, server-side sorted, filtered and paged, refreshed every 10 s. Filters, sort
 * and page live in the address (replaced, not pushed: Back leaves the page rather than undoing each filter).
 */
export function DownloadedModelsBlock() {
  const { t, lang } = useI18n()
  const [params, setParams] = useSearchParams()
  const [query, setQuery] = useState<DownloadedModelsQuery>(() => readModelsQuery(params))
  // A model just imported (?highlight=<uid>) is filtered for and marked, so it is in view whatever page it sorts to;
  // the filter stays one list request per refresh.
  const [highlight, setHighlight] = useHighlightUid()
  const [text, setText] = useState(highlight ?? query.q ?? '')
  const [details, setDetails] = useState<DownloadedModelRow | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const listTop = useRef<HTMLDivElement>(null)
  const list = useDownloadedModels(query)
  // several rows for one delete (admins), kept across pages and filters
  const selection = useUidSelection()
  const admin = useRole().can('admin')
  const lifecycle = useRowLifecycle()
  const set = (patch: Partial<DownloadedModelsQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }))
  const filtered = Boolean(query.q || query.state || query.source)
  const typed = useDebouncedValue(text, FILTER_DEBOUNCE_MS)

  // The address follows the list (the text filter only when it is not just the highlighted uid).
  useEffect(() => {
    const next = writeModelsQuery(params, query, query.q != null && query.q === highlight)
    if (next.toString() !== params.toString()) setParams(next, { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- written when the list changes, from the address as it is then
  }, [query])

  useEffect(() => {
    if (highlight) setText(highlight)
  }, [highlight])
  /** The text filter now (Enter, "Show all"), or once typing pauses (the effect below). */
  const applyNow = (value: string | undefined) => {
    const next = value?.trim() || undefined
    setQuery((q) => (q.q === next ? q : { ...q, page: 1, q: next }))
  }
  useEffect(() => applyNow(typed), [typed])
  const showAll = () => {
    setHighlight(null)
    setText('')
    applyNow('')
  }
  const clearFilters = () => {
    if (highlight) setHighlight(null)
    setText('')
    set({ q: undefined, state: undefined, source: undefined })
    // the button goes away with the empty state: the search box is where the next filter starts
    document.getElementById('models-q')?.focus()
  }
  const sortBy = (sort: ModelSort) => set({ sort, order: query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[sort] })

  // A page past the end (rows went away, or an old link): show the last page there is.
  const data = list.data
  const pages = data ? Math.max(1, Math.ceil(data.total / data.limit)) : 1
  useEffect(() => {
    if (data && !list.isPlaceholderData && data.items.length === 0 && data.total > 0 && query.page! > pages) {
      setQuery((q) => ({ ...q, page: pages }))
    }
  }, [data, list.isPlaceholderData, pages, query.page])

  return (
    <CatalogBlock
      id="downloaded-models"
      icon={<HardDrive aria-hidden />}
      title={t('downloaded.title')}
      description={t('downloaded.description')}
      actions={
        <Button variant="outline" size="sm" onClick={() => !list.isFetching && void list.refetch()} aria-disabled={list.isFetching || undefined}>
          {list.isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          {list.isFetching ? t('common.refreshing') : t('common.refresh')}
        </Button>
      }
    >
      <div className="space-y-4">
        <ModelFilters
          query={query}
          text={text}
          onText={(value) => {
            setText(value)
            if (highlight) setHighlight(null)
          }}
          onApplyText={() => applyNow(text)}
          onChange={set}
        />

        {list.data?.stale && (
          <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('models.staleTitle')} data-testid="stale-banner">
            {t('models.staleBody', { time: formatDateTime(list.data.as_of, lang) })}
          </Alert>
        )}
        {notice && <Alert id={NOTICE_ID} tabIndex={-1} role="status" tone="info" icon={<Info aria-hidden />} title={notice} className="outline-none" />}
        {highlight && (
          <Alert
            id={HIGHLIGHT_NOTICE_ID}
            tabIndex={-1}
            role="status"
            tone="info"
            icon={<Sparkles aria-hidden />}
            title={t('models.highlightTitle', { uid: highlight })}
            className="outline-none"
            data-testid="highlight-notice"
          >
            <span className="flex flex-wrap items-center gap-2">
              {t('models.highlightBody')}
              <Button variant="outline" size="sm" onClick={showAll}>
                {t('models.showAll')}
              </Button>
            </span>
          </Alert>
        )}
        {list.error != null && (
          <ApiErrorAlert key={list.errorUpdatedAt} title={t('models.errorTitle')} error={list.error} onRetry={() => void list.refetch()} testId="models-error" />
        )}
        {lifecycle.failure && (
          <ApiErrorAlert
            key={lifecycle.failure.at}
            title={t(`life.failed.${lifecycle.failure.action}`, { uid: lifecycle.failure.uid })}
            error={lifecycle.failure.error}
            testId="lifecycle-error"
          >
            <Button variant="outline" size="sm" className="mt-3" onClick={lifecycle.dismissFailure}>
              {t('common.dismiss')}
            </Button>
          </ApiErrorAlert>
        )}

        <div ref={listTop} className="scroll-mt-20 space-y-3" data-testid="models-list">
          {data ? (
            data.items.length === 0 ? (
              filtered ? (
                <EmptyState icon={<FilterX aria-hidden />} title={t('models.emptyFilteredTitle')}>
                  <span className="flex flex-col items-center gap-3">
                    {t('models.emptyFilteredHint')}
                    <Button variant="outline" size="sm" onClick={clearFilters} data-testid="clear-filters">
                      <FilterX aria-hidden />
                      {t('common.clearFilters')}
                    </Button>
                  </span>
                </EmptyState>
              ) : (
                <EmptyState icon={<SearchX aria-hidden />} title={t('models.emptyTitle')}>
                  {t('models.emptyBody')}
                </EmptyState>
              )
            ) : (
              <>
                <ModelsTable
                  rows={data.items}
                  highlight={highlight}
                  sort={query.sort!}
                  order={query.order!}
                  onSort={sortBy}
                  onDetails={setDetails}
                  onDelete={setDeleting}
                  onAction={lifecycle.onAction}
                  pending={lifecycle.pending}
                  selection={admin ? { selected: selection.selected, onToggle: selection.set } : undefined}
                />
                <Pager
                  page={data.page}
                  last={pages}
                  busy={list.isFetching && list.isPlaceholderData}
                  onPage={(page) => setQuery((q) => ({ ...q, page }))}
                  scrollTarget={listTop}
                  summary={{ from: (data.page - 1) * data.limit + 1, to: (data.page - 1) * data.limit + data.items.length, total: data.total }}
                  pageSize={{ value: data.limit, options: PAGE_SIZES, onChange: (limit) => set({ limit }) }}
                  label={t('common.pagination')}
                  testId="models-pager"
                />
                <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
                  <span>{t('models.asOf', { time: formatDateTime(data.as_of, lang) })}</span>
                  <span>{t('models.autoRefresh')}</span>
                </div>
              </>
            )
          ) : (
            list.isPending &&
            list.error == null && (
              <div role="status" className="space-y-2">
                <p className="flex items-center gap-2 text-sm text-muted-foreground">
                  <Loader2 className="size-4 animate-spin" aria-hidden />
                  {t('models.loading')}
                </p>
                {Array.from({ length: 4 }, (_, i) => (
                  <Skeleton key={i} className="h-12" />
                ))}
              </div>
            )
          )}
        </div>
      </div>
      <BatchDeleteBar
        selection={selection}
        noticeId={NOTICE_ID}
        onDeleted={(uids) => setNotice(t('models.deletedMany', { count: uids.length, uids: uids.join(lang === 'zh' ? '、' : ', ') }))}
      />
      {lifecycle.dialog}
      <Suspense fallback={null}>
        {details && <ModelDetailsSheet row={details} onClose={() => setDetails(null)} />}
        {deleting && (
          <DeleteModelDialog
            uid={deleting}
            onClose={() => setDeleting(null)}
            onDeleted={(uid) => setNotice(t('models.deleted', { uid }))}
            focusAfterDelete={() => document.getElementById(NOTICE_ID)}
          />
        )}
      </Suspense>
    </CatalogBlock>
  )
}
