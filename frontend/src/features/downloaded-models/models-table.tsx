import { useEffect, useRef, type ReactNode } from 'react'
import { SortableTh, StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { useI18n } from '@/i18n'
import type { DownloadedModelRow } from '@/lib/types'
import { ErrorSummary, LastSeenRunning, NewerRevision, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge, shortRevision } from './model-parts'
import { RowActions, type RowActionHandlers } from './row-actions'
import type { ModelSort, SortOrder } from './url-state'

/**
 * Fixed column widths from `lg` (the model column takes the rest): the table fits its box at 1024 px and up, every
 * action stays inside it (two lifecycle actions and Delete wrap onto a second line below `xl`), and the widths never
 * move when a refresh brings other rows.
 */
const COLUMNS = ['', 'lg:w-28', 'lg:w-[4.75rem] xl:w-24', 'lg:w-[6.5rem] xl:w-32', 'lg:w-[6.5rem] xl:w-40', 'lg:w-32 xl:w-40', 'lg:w-52 xl:w-60']

/** Rows chosen for a batch delete (admins only): a checkbox in front of each deletable row's name. */
export interface RowSelection {
  selected: ReadonlySet<string>
  onToggle: (uids: string[], on: boolean) => void
}

interface ModelsTableProps extends RowActionHandlers {
  rows: DownloadedModelRow[]
  highlight: string | null
  sort: ModelSort
  order: SortOrder
  onSort: (sort: ModelSort) => void
  selection?: RowSelection
}

/** Block A's rows: a table from `lg`, compact cards below it. Headers the API can sort by are buttons. */
export function ModelsTable({ rows, highlight, sort, order, onSort, selection, ...actions }: ModelsTableProps) {
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
  const head = (name: string, by?: ModelSort, hint?: string, before?: ReactNode) =>
    by ? (
      <SortableTh key={name} name={name} active={sort === by} order={order} onSort={() => onSort(by)} hint={hint} before={before} testId={`sort-${by}`} />
    ) : (
      <StackTh key={name}>{name}</StackTh>
    )
  return (
    <StackTable aria-label={t('models.tableLabel')} data-testid="models-table" variant="cards" columns={COLUMNS}>
      <StackHead>
        {head(col.model, 'name', undefined, selection && <PageCheckbox rows={rows} selection={selection} />)}
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
              <span className="flex min-w-0 items-start gap-2.5">
                {selection && !(row.model_uid && row.deletable) && <span className="size-4 shrink-0" aria-hidden />}
                {selection && row.model_uid && row.deletable && (
                  <input
                    type="checkbox"
                    className="mt-1 size-4 shrink-0 accent-primary"
                    checked={selection.selected.has(row.model_uid)}
                    onChange={(e) => selection.onToggle([row.model_uid!], e.target.checked)}
                    aria-label={t('select.row', { uid: row.model_uid })}
                    data-testid="select-row"
                  />
                )}
                <span className="min-w-0 flex-1">
                  {/* the name opens the details; its accessible name starts like block B's details buttons */}
                  <button
                    type="button"
                    className="block max-w-full truncate text-left font-medium underline-offset-4 hover:underline focus-visible:outline-2 focus-visible:outline-ring"
                    title={row.model_name}
                    onClick={() => actions.onDetails(row)}
                    aria-label={t('models.detailsOf', { name: row.model_name })}
                    data-details-for={row.model_uid ?? undefined}
                  >
                    {row.model_name}
                  </button>
                  {row.model_uid ? (
                    <span className="block truncate font-mono text-xs text-muted-foreground" title={row.model_uid}>
                      {row.model_uid}
                    </span>
                  ) : (
                    <span className="block text-xs text-muted-foreground italic">{t('models.cacheOnly')}</span>
                  )}
                  {row.newer_revision && <NewerRevision row={row} newer={row.newer_revision} />}
                </span>
              </span>
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

/** Selects (or clears) every deletable model of this page; mixed when only some are. */
function PageCheckbox({ rows, selection }: { rows: DownloadedModelRow[]; selection: RowSelection }) {
  const { t } = useI18n()
  const ref = useRef<HTMLInputElement>(null)
  const uids = rows.filter((r) => r.model_uid && r.deletable).map((r) => r.model_uid!)
  const chosen = uids.filter((u) => selection.selected.has(u)).length
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = chosen > 0 && chosen < uids.length
  }, [chosen, uids.length])
  return (
    <input
      ref={ref}
      type="checkbox"
      // the header is only visual from lg (below it the rows are cards, each with its own checkbox)
      className="mr-2.5 hidden size-4 shrink-0 align-middle accent-primary lg:inline-block"
      checked={uids.length > 0 && chosen === uids.length}
      disabled={uids.length === 0}
      onChange={(e) => selection.onToggle(uids, e.target.checked)}
      aria-label={t('select.page')}
      data-testid="select-page"
    />
  )
}
