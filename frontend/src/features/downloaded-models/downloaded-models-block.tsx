import { lazy, Suspense, useEffect, useState } from 'react'
import { CloudOff, HardDrive, Info, Loader2, RefreshCw, SearchX, Sparkles, Trash2 } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Input, Label, Select } from '@/components/ui/input'
import { Pagination } from '@/components/ui/pagination'
import { Skeleton } from '@/components/ui/skeleton'
import { StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n } from '@/i18n'
import { formatDateTime } from '@/lib/format'
import { useHighlightUid } from '@/lib/highlight'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import type { DownloadedModelRow, DownloadedModelsQuery, DownloadedModelState, ModelSourceName } from '@/lib/types'
import { ErrorSummary, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge } from './model-parts'
import { useDownloadedModels } from './use-downloaded-models'
import { noticeText } from '@/lib/notice'

// Opened rarely and only on demand: loaded when first needed to keep the page's first load small.
const DeleteModelDialog = lazy(() => import('./delete-model-dialog').then((m) => ({ default: m.DeleteModelDialog })))
const ModelDetailsSheet = lazy(() => import('./model-details-sheet').then((m) => ({ default: m.ModelDetailsSheet })))

export const MODELS_PAGE_SIZE = 20
/** The text filter applies while typing, once the user pauses (same feel as block B's search box). */
export const FILTER_DEBOUNCE_MS = 400
const STATES: DownloadedModelState[] = ['running', 'downloading', 'starting', 'degraded', 'failed', 'stopping', 'stopped', 'cached']
const SOURCES: ModelSourceName[] = ['huggingface', 'modelscope', 'local']
const SORTS = ['name', 'size', 'last_used', 'state'] as const

/** Block A: every model the cluster holds, server-side sorted, filtered and paged, refreshed every 10 s. */
export function DownloadedModelsBlock() {
  const { t, lang } = useI18n()
  const [query, setQuery] = useState<DownloadedModelsQuery>({ page: 1, limit: MODELS_PAGE_SIZE, sort: 'name', order: 'asc' })
  // A model just imported (?highlight=<uid>) is filtered for and marked, so it is in view whatever page it sorts to;
  // the filter stays one list request per refresh.
  const [highlight, setHighlight] = useHighlightUid()
  const [text, setText] = useState(highlight ?? '')
  const [details, setDetails] = useState<DownloadedModelRow | null>(null)
  const [deleting, setDeleting] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  const list = useDownloadedModels(query)
  const set = (patch: Partial<DownloadedModelsQuery>) => setQuery((q) => ({ ...q, page: 1, ...patch }))
  const filtered = Boolean(query.q || query.state || query.source)
  const typed = useDebouncedValue(text, FILTER_DEBOUNCE_MS)

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

  return (
    <CatalogBlock
      id="downloaded-models"
      icon={<HardDrive aria-hidden />}
      title={t('downloaded.title')}
      description={t('downloaded.description')}
      actions={
        <Button variant="outline" size="sm" onClick={() => void list.refetch()} disabled={list.isFetching}>
          {list.isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          {list.isFetching ? t('common.refreshing') : t('common.refresh')}
        </Button>
      }
    >
      <div className="space-y-4">
        <form
          className="grid grid-cols-2 gap-3 lg:grid-cols-[1fr_10rem_10rem_10rem_9rem] lg:items-end"
          onSubmit={(e) => {
            e.preventDefault()
            applyNow(text)
          }}
        >
          <div className="col-span-2 grid gap-1.5 lg:col-span-1">
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
            <Select id="models-sort" value={query.sort} onChange={(e) => set({ sort: e.target.value as (typeof SORTS)[number] })}>
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
        {notice && <Alert role="status" tone="info" icon={<Info aria-hidden />} title={notice} />}
        {highlight && (
          <Alert role="status" tone="info" icon={<Sparkles aria-hidden />} title={t('models.highlightTitle', { uid: highlight })} data-testid="highlight-notice">
            <span className="flex flex-wrap items-center gap-2">
              {t('models.highlightBody')}
              <Button variant="outline" size="sm" onClick={showAll}>{t('models.showAll')}</Button>
            </span>
          </Alert>
        )}
        {list.error != null && (
          <ApiErrorAlert title={t('models.errorTitle')} error={list.error} onRetry={() => void list.refetch()} testId="models-error" />
        )}

        {list.data ? (
          list.data.items.length === 0 ? (
            <EmptyState icon={<SearchX aria-hidden />} title={t('models.emptyTitle')}>
              {filtered ? t('models.emptyFilteredBody') : t('models.emptyBody')}
            </EmptyState>
          ) : (
            <>
              <ModelsTable rows={list.data.items} highlight={highlight} onDetails={setDetails} onDelete={setDeleting} />
              <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
                <span>{t('models.asOf', { time: formatDateTime(list.data.as_of, lang) })}</span>
                <span>{t('models.autoRefresh')}</span>
              </div>
              <Pagination page={list.data.page} limit={list.data.limit} total={list.data.total} onPage={(page) => setQuery((q) => ({ ...q, page }))} disabled={list.isFetching} />
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
      <Suspense fallback={null}>
        {details && <ModelDetailsSheet row={details} onClose={() => setDetails(null)} />}
        {deleting && (
          <DeleteModelDialog uid={deleting} onClose={() => setDeleting(null)} onDeleted={(uid) => setNotice(t('models.deleted', { uid }))} />
        )}
      </Suspense>
    </CatalogBlock>
  )
}

/** A commit sha reads like git shows it (12 characters, the full one on hover); branch names stay whole. */
const shortRevision = (revision: string) => (/^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision)

interface ModelsTableProps {
  rows: DownloadedModelRow[]
  highlight: string | null
  onDetails: (row: DownloadedModelRow) => void
  onDelete: (uid: string) => void
}

function ModelsTable({ rows, highlight, onDetails, onDelete }: ModelsTableProps) {
  const { t, lang } = useI18n()
  const col = {
    model: t('models.col.model'), source: t('models.col.source'), revision: t('models.col.revision'), size: t('models.col.size'),
    nodes: t('models.col.nodes'), lastUsed: t('models.col.lastUsed'), state: t('models.col.state'), actions: t('models.col.actions'),
  }
  return (
    <StackTable aria-label={t('models.tableLabel')} data-testid="models-table">
      <StackHead>
        {Object.values(col).map((name) => <StackTh key={name}>{name}</StackTh>)}
      </StackHead>
      <StackBody>
        {rows.map((row) => (
          <StackRow
            key={row.model_uid ?? `cache:${row.model_name}`}
            data-testid="model-row"
            data-highlighted={row.model_uid != null && row.model_uid === highlight ? 'true' : undefined}
            className="data-[highlighted]:bg-info/5 data-[highlighted]:ring-2 data-[highlighted]:ring-info/50 data-[highlighted]:ring-inset lg:data-[highlighted]:hover:bg-info/10"
          >
            <StackCell label={col.model} className="lg:min-w-60">
              <span className="min-w-0">
                <span className="block font-medium [overflow-wrap:anywhere]">{row.model_name}</span>
                {row.model_uid ? (
                  <span className="block font-mono text-xs [overflow-wrap:anywhere] text-muted-foreground">{row.model_uid}</span>
                ) : (
                  <span className="block text-xs text-muted-foreground italic">{t('models.cacheOnly')}</span>
                )}
              </span>
            </StackCell>
            <StackCell label={col.source} className="lg:whitespace-nowrap"><SourceName source={row.source} /></StackCell>
            <StackCell label={col.revision} className="font-mono text-xs break-all lg:break-normal lg:whitespace-nowrap">
              {row.revision ? <span title={row.revision}>{shortRevision(row.revision)}</span> : t('common.none')}
            </StackCell>
            <StackCell label={col.size} className="tabular-nums lg:whitespace-nowrap"><SizeCell row={row} /></StackCell>
            <StackCell label={col.nodes}><NodesSummary row={row} /></StackCell>
            <StackCell label={col.lastUsed} className="lg:whitespace-nowrap">
              {row.last_used ? <time dateTime={row.last_used}>{formatDateTime(row.last_used, lang)}</time> : t('common.none')}
            </StackCell>
            <StackCell label={col.state}>
              <span className="min-w-0 space-y-1">
                <StateBadge state={row.state} />
                {row.replicas && <span className="block text-xs text-muted-foreground">{t('models.replicas', { ready: row.replicas.ready, desired: row.replicas.desired })}</span>}
                {row.progress && row.progress.phase !== 'complete' && <ProgressCell progress={row.progress} name={row.model_name} />}
                {row.error && <ErrorSummary error={row.error} />}
              </span>
            </StackCell>
            <StackCell label={col.actions}>
              <span className="flex gap-1.5">
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
