import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'wouter'
import { ArrowDown, ArrowUp, ArrowUpDown, CloudOff, FilterX, HardDrive, Info, Loader2, RefreshCw, SearchX, Sparkles, Trash2 } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Input, Label, Select } from '@/components/ui/input'
import { Pager } from '@/components/ui/pager'
import { Skeleton } from '@/components/ui/skeleton'
import { StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n, type Lang } from '@/i18n'
import { formatDateTime, localeOf } from '@/lib/format'
import { useHighlightUid } from '@/lib/highlight'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { DownloadedModelRow, DownloadedModelsQuery, DownloadedModelState, ModelSourceName } from '@/lib/types'
import { ErrorSummary, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge } from './model-parts'
import { useDownloadedModels } from './use-downloaded-models'
import { FIRST_ORDER, HIGHLIGHT_NOTICE_ID, MODELS_PAGE_SIZE, PAGE_SIZES, SORTS, SOURCES, STATES, readModelsQuery, writeModelsQuery, type ModelSort } from './url-state'
import { noticeText } from '@/lib/notice'

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
  const sortBy = (sort: ModelSort) =>
    set({ sort, order: query.sort === sort ? (query.order === 'asc' ? 'desc' : 'asc') : FIRST_ORDER[sort] })

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
        <form
          className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-[1fr_10rem_10rem_10rem_9rem] lg:items-end"
          onSubmit={(e) => {
            e.preventDefault()
            applyNow(text)
          }}
        >
          <div className="col-span-2 grid gap-1.5 sm:col-span-4 lg:col-span-1">
            <Label htmlFor="models-q">{t('models.searchLabel')}</Label>
            <Input
              id="models-q"
              type="search"
              maxLength={200}
              placeholder={t('models.search')}
              value={text}
              onChange={(e) => {
                setText(e.target.value)
                if (highlight) setHighlight(null)
              }}
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="models-state">{t('models.state')}</Label>
            <Select id="models-state" value={query.state ?? ''} onChange={(e) => set({ state: (e.target.value || undefined) as DownloadedModelState | undefined })}>
              <option value="">{t('common.all')}</option>
              {STATES.map((s) => (
                <option key={s} value={s}>{t(`models.state.${s}`)}</option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="models-source">{t('models.source')}</Label>
            <Select id="models-source" value={query.source ?? ''} onChange={(e) => set({ source: (e.target.value || undefined) as ModelSourceName | undefined })}>
              <option value="">{t('common.all')}</option>
              {SOURCES.map((s) => (
                <option key={s} value={s}>{s === 'local' ? t('models.source.local') : t(`provider.${s}`)}</option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="models-sort">{t('models.sort')}</Label>
            <Select id="models-sort" value={query.sort} onChange={(e) => set({ sort: e.target.value as ModelSort })}>
              {SORTS.map((s) => (
                <option key={s} value={s}>{t(`models.sort.${s}`)}</option>
              ))}
            </Select>
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor="models-order">{t('models.order')}</Label>
            <Select id="models-order" value={query.order} onChange={(e) => set({ order: e.target.value as 'asc' | 'desc' })}>
              <option value="asc">{t('models.order.asc')}</option>
              <option value="desc">{t('models.order.desc')}</option>
            </Select>
          </div>
        </form>

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
              <Button variant="outline" size="sm" onClick={showAll}>{t('models.showAll')}</Button>
            </span>
          </Alert>
        )}
        {list.error != null && (
          <ApiErrorAlert title={t('models.errorTitle')} error={list.error} onRetry={() => void list.refetch()} testId="models-error" />
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
            list.isPending && list.error == null && (
              <div role="status" className="space-y-2">
                <p className="flex items-center gap-2 text-sm text-muted-foreground">
                  <Loader2 className="size-4 animate-spin" aria-hidden />
                  {t('models.loading')}
                </p>
                {Array.from({ length: 4 }, (_, i) => <Skeleton key={i} className="h-12" />)}
              </div>
            )
          )}
        </div>
      </div>
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

/** A commit sha reads like git shows it (12 characters, the full one on hover); branch names stay whole. */
const shortRevision = (revision: string) => (/^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision)

/**
 * Fixed column widths from `lg` (the model column takes the rest): the table fits its box at 1024 px and up, every
 * action stays inside it, and the widths never move when a refresh brings other rows.
 */
const COLUMNS = [
  '',
  'lg:w-28 xl:w-32',
  'lg:w-[4.75rem] xl:w-24',
  'lg:w-[6.5rem] xl:w-36',
  'lg:w-[6.5rem] xl:w-36',
  'lg:w-32 xl:w-40',
  'lg:w-48',
]

const shortDates = new Map<string, Intl.DateTimeFormat>()
/** "Dec 3, 7:09 PM" (the year only when it is not this one): one or two lines in a narrow column; the full time on hover. */
function shortDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  const thisYear = date.getFullYear() === new Date().getFullYear()
  const key = `${lang}:${thisYear}`
  let format = shortDates.get(key)
  if (!format) {
    format = new Intl.DateTimeFormat(localeOf(lang), {
      ...(thisYear ? {} : { year: 'numeric' }),
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
    })
    shortDates.set(key, format)
  }
  return format.format(date)
}

interface ModelsTableProps {
  rows: DownloadedModelRow[]
  highlight: string | null
  sort: ModelSort
  order: 'asc' | 'desc'
  onSort: (sort: ModelSort) => void
  onDetails: (row: DownloadedModelRow) => void
  onDelete: (uid: string) => void
}

function ModelsTable({ rows, highlight, sort, order, onSort, onDetails, onDelete }: ModelsTableProps) {
  const { t, lang } = useI18n()
  const col = {
    model: t('models.col.model'), source: t('models.col.source'), size: t('models.col.size'), nodes: t('models.col.nodes'),
    lastUsed: t('models.col.lastUsed'), state: t('models.col.state'), actions: t('models.col.actions'),
  }
  /** A column header; the ones the API can sort by are buttons that say their order (aria-sort). */
  const head = (name: string, by?: ModelSort) => {
    if (!by) return <StackTh key={name}>{name}</StackTh>
    const active = sort === by
    const Icon = !active ? ArrowUpDown : order === 'asc' ? ArrowUp : ArrowDown
    return (
      <StackTh key={name} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          onClick={() => onSort(by)}
          className="-mx-1 inline-flex max-w-full items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring data-[active]:text-foreground"
          data-active={active || undefined}
          data-testid={`sort-${by}`}
        >
          <span className="truncate">{name}</span>
          <Icon className={active ? 'size-3.5 shrink-0' : 'size-3.5 shrink-0 opacity-40'} aria-hidden />
        </button>
      </StackTh>
    )
  }
  return (
    <StackTable aria-label={t('models.tableLabel')} data-testid="models-table" variant="cards" columns={COLUMNS}>
      <StackHead>
        {head(col.model, 'name')}
        {head(col.source)}
        {head(col.size, 'size')}
        {head(col.nodes)}
        {head(col.lastUsed, 'last_used')}
        {head(col.state, 'state')}
        {head(col.actions)}
      </StackHead>
      <StackBody>
        {rows.map((row) => (
          <StackRow
            key={row.model_uid ?? `cache:${row.model_name}`}
            data-testid="model-row"
            data-highlighted={row.model_uid != null && row.model_uid === highlight ? 'true' : undefined}
            className="data-[highlighted]:bg-info/5 data-[highlighted]:ring-2 data-[highlighted]:ring-info/50 data-[highlighted]:ring-inset lg:data-[highlighted]:hover:bg-info/10"
          >
            <StackCell label={col.model} bare className="col-span-full sm:col-span-4">
              <span className="block truncate font-medium" title={row.model_name}>{row.model_name}</span>
              {row.model_uid ? (
                <span className="block truncate font-mono text-xs text-muted-foreground" title={row.model_uid}>{row.model_uid}</span>
              ) : (
                <span className="block text-xs text-muted-foreground italic">{t('models.cacheOnly')}</span>
              )}
            </StackCell>
            <StackCell label={col.source}>
              <span className="block truncate"><SourceName source={row.source} /></span>
              {row.revision && (
                <span className="block truncate font-mono text-xs text-muted-foreground" title={row.revision}>{shortRevision(row.revision)}</span>
              )}
            </StackCell>
            <StackCell label={col.size} className="tabular-nums"><SizeCell row={row} /></StackCell>
            <StackCell label={col.nodes}><NodesSummary row={row} /></StackCell>
            <StackCell label={col.lastUsed} className="text-xs lg:text-sm">
              {row.last_used ? (
                <time dateTime={row.last_used} title={formatDateTime(row.last_used, lang)}>{shortDateTime(row.last_used, lang)}</time>
              ) : (
                t('common.none')
              )}
            </StackCell>
            <StackCell label={col.state} className="col-span-2">
              <span className="block min-w-0 space-y-1">
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
                  <StateBadge state={row.state} />
                  {row.replicas && <span className="text-xs text-muted-foreground">{t('models.replicas', { ready: row.replicas.ready, desired: row.replicas.desired })}</span>}
                </span>
                {row.progress && row.progress.phase !== 'complete' && <ProgressCell progress={row.progress} name={row.model_name} />}
                {row.error && <ErrorSummary error={row.error} />}
              </span>
            </StackCell>
            <StackCell label={col.actions} bare className="col-span-full sm:col-span-2 sm:col-start-5 sm:row-start-1">
              <span className="flex gap-1.5 sm:justify-end lg:justify-start">
                <Button variant="outline" size="sm" onClick={() => onDetails(row)} aria-label={t('models.detailsOf', { name: row.model_name })}>
                  {t('models.details')}
                </Button>
                {row.model_uid && (
                  <RoleGate need="admin">
                    <Button
                      variant="outline"
                      size="sm"
                      className="text-destructive"
                      disabled={!row.deletable}
                      title={!row.deletable ? (row.delete_blocked_by[0] ? noticeText(t, lang, row.delete_blocked_by[0]) : t('models.cannotDelete')) : undefined}
                      onClick={() => onDelete(row.model_uid!)}
                      aria-label={t('models.deleteOf', { name: row.model_uid })}
                    >
                      <Trash2 aria-hidden />
                      {t('models.delete')}
                    </Button>
                  </RoleGate>
                )}
              </span>
            </StackCell>
          </StackRow>
        ))}
      </StackBody>
    </StackTable>
  )
}
