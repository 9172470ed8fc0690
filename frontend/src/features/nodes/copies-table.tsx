import { Badge } from '@/components/ui/badge'
import { SortableTh, StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { StateBadge } from '@/features/downloaded-models/model-parts'
import { useI18n } from '@/i18n'
import { formatBytes, formatDateTime, formatShortDateTime } from '@/lib/format'
import { noticeText } from '@/lib/notice'
import type { CachedCopy, CopySort, SortOrder } from '@/lib/types'

/** Fixed widths from `lg` (the copy's name and path take the rest), so refreshes never move the columns. */
const COLUMNS = ['', 'lg:w-24', 'lg:w-28', 'lg:w-32 xl:w-36', 'lg:w-40 xl:w-48', 'lg:w-52 xl:w-64']

export interface CopySelection {
  selected: ReadonlySet<string>
  onToggle: (uids: string[], on: boolean) => void
}

/**
 * A node's cached copies: name and path, size and files, complete or partial, when a model using them was last seen
 * serving, which registered models use them, and whether they are safe to reclaim (how, or why not). An admin selects
 * a safe copy's model for a batch delete: all copies of one model are one choice.
 */
export function CopiesTable({
  node,
  copies,
  sort,
  order,
  onSort,
  selection,
}: {
  node: string
  copies: CachedCopy[]
  sort: CopySort
  order: SortOrder
  onSort: (sort: CopySort) => void
  selection?: CopySelection
}) {
  const { t, lang } = useI18n()
  const col = {
    copy: t('nodes.col.copy'),
    size: t('nodes.col.size'),
    files: t('nodes.col.files'),
    lastUsed: t('nodes.col.lastUsed'),
    usedBy: t('nodes.col.usedBy'),
    reclaim: t('nodes.col.reclaim'),
  }
  const head = (name: string, by: CopySort, hint?: string) => (
    <SortableTh name={name} active={sort === by} order={order} onSort={() => onSort(by)} hint={hint} testId={`copy-sort-${by}`} />
  )
  return (
    <StackTable aria-label={t('nodes.copiesOf', { node })} variant="cards" columns={COLUMNS} data-testid="copies-table">
      <StackHead>
        {head(col.copy, 'name')}
        {head(col.size, 'size')}
        <StackTh>{col.files}</StackTh>
        {head(col.lastUsed, 'last_used', t('nodes.lastUsedHint'))}
        <StackTh>{col.usedBy}</StackTh>
        <StackTh>{col.reclaim}</StackTh>
      </StackHead>
      <StackBody>
        {copies.map((copy) => {
          const uid = copy.reclaim?.how === 'delete_model' ? copy.reclaim.model_uid : null
          return (
            <StackRow key={copy.cache_path} data-testid="copy-row" data-safe={copy.safe_to_reclaim} data-model={copy.model_name}>
              <StackCell label={col.copy} bare className="col-span-full">
                <span className="flex min-w-0 items-start gap-2.5">
                  {selection && uid && (
                    <input
                      type="checkbox"
                      className="mt-1 size-4 shrink-0 accent-primary"
                      checked={selection.selected.has(uid)}
                      onChange={(e) => selection.onToggle([uid], e.target.checked)}
                      aria-label={t('nodes.selectCopy', { uid, node })}
                      data-testid="select-copy"
                    />
                  )}
                  <span className="min-w-0">
                    <span className="block truncate font-medium" title={copy.model_name}>
                      {copy.model_name}
                    </span>
                    <span className="block font-mono text-xs break-all text-muted-foreground">{copy.cache_path}</span>
                  </span>
                </span>
              </StackCell>
              <StackCell label={col.size} className="tabular-nums">
                <span className="block">{formatBytes(copy.size_bytes, lang)}</span>
                <span className="block text-xs text-muted-foreground">{t('models.files', { count: copy.file_count })}</span>
              </StackCell>
              <StackCell label={col.files}>
                <span className="flex flex-wrap gap-1">
                  <Badge tone={copy.complete ? 'neutral' : 'warning'}>{copy.complete ? t('nodes.complete') : t('nodes.partial')}</Badge>
                  {copy.downloading && <Badge tone="info">{t('nodes.downloading')}</Badge>}
                </span>
                {copy.in_use_on_node && <span className="block text-xs text-muted-foreground">{t('nodes.inUseHere')}</span>}
              </StackCell>
              <StackCell label={col.lastUsed} className="text-xs lg:text-sm">
                {copy.last_used ? (
                  <time dateTime={copy.last_used} title={formatDateTime(copy.last_used, lang)}>
                    {formatShortDateTime(copy.last_used, lang)}
                  </time>
                ) : (
                  <span className="text-muted-foreground">{t('nodes.neverServed')}</span>
                )}
              </StackCell>
              <StackCell label={col.usedBy} className="col-span-full sm:col-span-3 lg:col-span-1">
                {copy.used_by.length === 0 ? (
                  <span className="text-xs text-muted-foreground italic">{t('nodes.noUser')}</span>
                ) : (
                  <ul className="min-w-0 space-y-1">
                    {copy.used_by.map((u) => (
                      <li key={u.model_uid} className="flex min-w-0 flex-wrap items-center gap-x-1.5 gap-y-0.5">
                        <code className="font-mono text-xs break-all" title={u.model_name}>
                          {u.model_uid}
                        </code>
                        <StateBadge state={u.state} />
                      </li>
                    ))}
                  </ul>
                )}
              </StackCell>
              <StackCell label={col.reclaim} className="col-span-full sm:col-span-3 lg:col-span-1">
                <Reclaim copy={copy} />
              </StackCell>
            </StackRow>
          )
        })}
      </StackBody>
    </StackTable>
  )
}

/** Safe to reclaim, and how; or why the copy stays (its reasons, worded). */
function Reclaim({ copy }: { copy: CachedCopy }) {
  const { t, lang } = useI18n()
  if (copy.safe_to_reclaim) {
    return (
      <span className="block min-w-0 space-y-0.5" data-testid="reclaim">
        <Badge tone="success">{t('nodes.safe')}</Badge>
        <span className="block text-xs text-muted-foreground">
          {copy.reclaim?.how === 'delete_model' && copy.reclaim.model_uid
            ? t('nodes.how.delete_model', { uid: copy.reclaim.model_uid })
            : t('nodes.how.remove_on_node')}
        </span>
      </span>
    )
  }
  return (
    <span className="block min-w-0 space-y-0.5" data-testid="reclaim">
      <Badge>{t('nodes.keep')}</Badge>
      <ul className="text-xs text-muted-foreground">
        {copy.reclaim_blocked_by.map((why) => (
          <li key={why.code + why.message}>{noticeText(t, lang, why)}</li>
        ))}
      </ul>
    </span>
  )
}
