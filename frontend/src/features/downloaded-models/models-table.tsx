import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { useI18n } from '@/i18n'
import type { DownloadedModelRow } from '@/lib/types'
import { ErrorSummary, LastSeenRunning, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge, shortRevision } from './model-parts'
import { RowActions, type RowActionHandlers } from './row-actions'
import type { ModelSort, SortOrder } from './url-state'

/**
 * Fixed column widths from `lg` (the model column takes the rest): the table fits its box at 1024 px and up, every
 * action stays inside it, and the widths never move when a refresh brings other rows.
 */
const COLUMNS = ['', 'lg:w-28', 'lg:w-[4.75rem] xl:w-24', 'lg:w-[6.5rem] xl:w-36', 'lg:w-[6.5rem] xl:w-40', 'lg:w-32 xl:w-40', 'lg:w-48']

interface ModelsTableProps extends RowActionHandlers {
  rows: DownloadedModelRow[]
  highlight: string | null
  sort: ModelSort
  order: SortOrder
  onSort: (sort: ModelSort) => void
}

/** Block A's rows: a table from `lg`, compact cards below it. Headers the API can sort by are buttons. */
export function ModelsTable({ rows, highlight, sort, order, onSort, ...actions }: ModelsTableProps) {
  const { t } = useI18n()
  const col = {
    model: t('models.col.model'),
    source: t('models.col.source'),
    size: t('models.col.size'),
    nodes: t('models.col.nodes'),
    lastSeen: t('models.col.lastSeenRunning'),
    state: t('models.col.state'),
    actions: t('models.col.actions'),
  }
  /** A column header; the ones the API can sort by are buttons that say their order (aria-sort). */
  const head = (name: string, by?: ModelSort, hint?: string) => {
    if (!by) return <StackTh key={name}>{name}</StackTh>
    const active = sort === by
    const Icon = !active ? ArrowUpDown : order === 'asc' ? ArrowUp : ArrowDown
    return (
      <StackTh key={name} aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          onClick={() => onSort(by)}
          title={hint}
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
        {head(col.lastSeen, 'last_seen_running', t('models.lastSeenRunningHint'))}
        {head(col.state, 'state')}
        {head(col.actions)}
      </StackHead>
      <StackBody>
        {rows.map((row) => (
          <StackRow
            key={row.model_uid ?? `cache:${row.model_name}`}
            data-testid="model-row"
            data-state={row.state}
            data-highlighted={row.model_uid != null && row.model_uid === highlight ? 'true' : undefined}
            className="data-[highlighted]:bg-info/5 data-[highlighted]:ring-2 data-[highlighted]:ring-info/50 data-[highlighted]:ring-inset lg:data-[highlighted]:hover:bg-info/10"
          >
            <StackCell label={col.model} bare className="col-span-full sm:col-span-4">
              <span className="block truncate font-medium" title={row.model_name}>
                {row.model_name}
              </span>
              {row.model_uid ? (
                <span className="block truncate font-mono text-xs text-muted-foreground" title={row.model_uid}>
                  {row.model_uid}
                </span>
              ) : (
                <span className="block text-xs text-muted-foreground italic">{t('models.cacheOnly')}</span>
              )}
            </StackCell>
            <StackCell label={col.source}>
              <span className="block truncate">
                <SourceName source={row.source} />
              </span>
              {row.revision && (
                <span className="block truncate font-mono text-xs text-muted-foreground" title={row.revision}>
                  {shortRevision(row.revision)}
                </span>
              )}
            </StackCell>
            <StackCell label={col.size} className="tabular-nums">
              <SizeCell row={row} />
            </StackCell>
            <StackCell label={col.nodes}>
              <NodesSummary row={row} />
            </StackCell>
            <StackCell label={col.lastSeen} className="text-xs lg:text-sm">
              <LastSeenRunning row={row} />
            </StackCell>
            <StackCell label={col.state} className="col-span-2">
              <span className="block min-w-0 space-y-1">
                <span className="flex flex-wrap items-center gap-x-1.5 gap-y-0.5">
                  <StateBadge state={row.state} />
                  {row.replicas && (
                    <span className="text-xs text-muted-foreground">{t('models.replicas', { ready: row.replicas.ready, desired: row.replicas.desired })}</span>
                  )}
                </span>
                {row.progress && row.progress.phase !== 'complete' && <ProgressCell progress={row.progress} name={row.model_name} />}
                {row.error && <ErrorSummary error={row.error} />}
              </span>
            </StackCell>
            <StackCell label={col.actions} bare className="col-span-full sm:col-span-2 sm:col-start-5 sm:row-start-1">
              <RowActions row={row} {...actions} />
            </StackCell>
          </StackRow>
        ))}
      </StackBody>
    </StackTable>
  )
}
