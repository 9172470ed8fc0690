import { Server } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { useI18n } from '@/i18n'
import { formatAgo, formatBytes, formatDateTime } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { ClusterNode, CopySort, SortOrder } from '@/lib/types'
import { CopiesTable, type CopySelection } from './copies-table'
import { AlertList, DiskUsage, GpuList } from './node-parts'

/**
 * One node: alive or down (with its last heartbeat), its GPUs, its disk and alerts, the model cache and what of it is
 * safe to reclaim, then its cached copies. A node that is down keeps its copies listed, marked so: its files go, and
 * its space frees, only when it returns.
 */
export function NodeCard({
  node,
  safeOnly,
  sort,
  order,
  onSort,
  selection,
}: {
  node: ClusterNode
  safeOnly: boolean
  sort: CopySort
  order: SortOrder
  onSort: (sort: CopySort) => void
  selection?: CopySelection
}) {
  const { t, lang } = useI18n()
  const headingId = `node-${node.node_id}`
  const down = node.alive === false
  const copies = safeOnly ? node.copies.filter((c) => c.safe_to_reclaim) : node.copies
  return (
    <section
      aria-labelledby={headingId}
      className={cn('min-w-0 rounded-xl border bg-card/60', down && 'border-dashed')}
      data-testid="node-card"
      data-node={node.node_id}
      data-alive={node.alive ?? 'unknown'}
    >
      <header className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 border-b px-4 py-3">
        <div className="flex min-w-0 flex-wrap items-center gap-x-2.5 gap-y-1">
          <Server className={cn('size-4 shrink-0', down ? 'text-destructive' : 'text-primary')} aria-hidden />
          <h3 id={headingId} className="font-mono text-base font-semibold">
            {node.node_id}
          </h3>
          <Badge tone={node.alive == null ? 'neutral' : down ? 'danger' : 'success'} data-testid="node-status">
            {node.alive == null ? t('nodes.aliveUnknown') : down ? t('nodes.down') : t('nodes.alive')}
          </Badge>
          {node.alert_level !== 'none' && (
            <Badge tone={node.alert_level === 'critical' ? 'danger' : 'warning'}>{t(`nodes.level.${node.alert_level}`)}</Badge>
          )}
          <span className="text-xs text-muted-foreground">
            {node.last_heartbeat ? (
              <time dateTime={node.last_heartbeat} title={formatDateTime(node.last_heartbeat, lang)}>
                {t('nodes.heartbeat', { time: formatAgo(node.last_heartbeat, lang) })}
              </time>
            ) : (
              t('nodes.neverSeen')
            )}
            {node.last_scan && (
              <>
                {' · '}
                <time dateTime={node.last_scan} title={formatDateTime(node.last_scan, lang)}>
                  {t('nodes.scanned', { time: formatAgo(node.last_scan, lang) })}
                </time>
              </>
            )}
          </span>
        </div>
        <dl className="flex gap-5 text-sm">
          <div>
            <dt className="text-xs text-muted-foreground">{t('nodes.cache')}</dt>
            <dd className="font-medium tabular-nums">{formatBytes(node.model_cache_bytes, lang)}</dd>
          </div>
          <div>
            <dt className="text-xs text-muted-foreground">{t('nodes.reclaimable')}</dt>
            <dd className={cn('font-medium tabular-nums', node.reclaimable_bytes > 0 && 'text-success')} data-testid="node-reclaimable">
              {formatBytes(node.reclaimable_bytes, lang)}
            </dd>
          </div>
        </dl>
      </header>
      {down && <p className="border-b bg-destructive/5 px-4 py-2 text-sm">{t('nodes.downNote')}</p>}
      <div className="grid gap-4 px-4 py-3 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <GpuList node={node} />
        <div className="min-w-0 space-y-3">
          <DiskUsage node={node} disk={node.disk} />
          <AlertList node={node} />
        </div>
      </div>
      <div className="border-t px-4 py-3">
        <h4 className="mb-2 text-xs font-medium text-muted-foreground">
          {t('nodes.copiesHeading', { count: node.copies.length })}
        </h4>
        {copies.length === 0 ? (
          <p className="text-sm text-muted-foreground">{safeOnly && node.copies.length > 0 ? t('nodes.noSafeCopies') : t('nodes.noCopies')}</p>
        ) : (
          <CopiesTable node={node.node_id} copies={copies} sort={sort} order={order} onSort={onSort} selection={selection} />
        )}
      </div>
    </section>
  )
}
