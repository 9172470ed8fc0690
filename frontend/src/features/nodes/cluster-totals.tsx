import type { ReactNode } from 'react'
import { Meter, usageTone } from '@/components/ui/meter'
import { useI18n } from '@/i18n'
import { formatBytes, formatCount, formatMebibytes } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { ClusterNode, ClusterTotals as Totals } from '@/lib/types'

/**
 * The cluster at a glance: nodes alive, GPUs and their memory in use, disk, the model cache, what is safe to reclaim
 * now (and what only a node that is down would free), and the active alerts.
 */
export function ClusterTotals({ totals, nodes }: { totals: Totals; nodes: ClusterNode[] }) {
  const { t, lang } = useI18n()
  const down = totals.nodes - totals.live_nodes
  const diskPercent = totals.disk_total_bytes > 0 ? (totals.disk_used_bytes / totals.disk_total_bytes) * 100 : 0
  const alerting = nodes.filter((n) => n.alerts.some((a) => a.active)).map((n) => n.node_id)
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 xl:grid-cols-6" aria-label={t('nodes.totalsLabel')} data-testid="cluster-totals">
      <Tile label={t('nodes.total.nodes')} value={t('nodes.total.nodesValue', { live: formatCount(totals.live_nodes, lang), total: formatCount(totals.nodes, lang) })}>
        {down > 0 ? <span className="text-destructive">{t('nodes.total.down', { count: down })}</span> : t('nodes.total.allAlive')}
      </Tile>
      <Tile label={t('nodes.total.gpus')} value={t('nodes.total.gpusValue', { count: totals.gpus })}>
        {totals.gpu_memory_total_mb > 0 && (
          <>
            <Meter
              value={totals.gpu_memory_used_mb}
              max={totals.gpu_memory_total_mb}
              label={t('nodes.total.gpuMemoryLabel')}
              valueText={t('nodes.ofUsed', { used: formatMebibytes(totals.gpu_memory_used_mb, lang), total: formatMebibytes(totals.gpu_memory_total_mb, lang) })}
              tone="info"
              className="my-1"
            />
            {t('nodes.ofInUse', { used: formatMebibytes(totals.gpu_memory_used_mb, lang), total: formatMebibytes(totals.gpu_memory_total_mb, lang) })}
          </>
        )}
      </Tile>
      <Tile label={t('nodes.total.disk')} value={t('nodes.ofUsed', { used: formatBytes(totals.disk_used_bytes, lang), total: formatBytes(totals.disk_total_bytes, lang) })}>
        <Meter
          value={Math.round(diskPercent)}
          label={t('nodes.total.diskLabel')}
          valueText={t('nodes.percentUsed', { percent: Math.round(diskPercent) })}
          tone={usageTone(diskPercent)}
          className="my-1"
        />
        {t('nodes.free', { size: formatBytes(totals.disk_available_bytes, lang) })}
      </Tile>
      <Tile label={t('nodes.total.cache')} value={formatBytes(totals.model_cache_bytes, lang)}>
        {t('nodes.total.copies', { count: totals.copies })}
      </Tile>
      <Tile label={t('nodes.total.reclaimable')} value={formatBytes(totals.reclaimable_bytes, lang)} tone="success" testId="total-reclaimable">
        {t('nodes.total.safeCopies', { count: totals.safe_copies })}
        {totals.reclaimable_bytes_dead_nodes > 0 && (
          <span className="block">{t('nodes.total.deadReclaimable', { size: formatBytes(totals.reclaimable_bytes_dead_nodes, lang) })}</span>
        )}
      </Tile>
      <Tile label={t('nodes.total.alerts')} value={formatCount(totals.active_alerts, lang)} tone={totals.active_alerts > 0 ? 'warning' : undefined}>
        {alerting.length > 0 ? alerting.join(lang === 'zh' ? '、' : ', ') : t('nodes.total.noAlerts')}
      </Tile>
    </dl>
  )
}

function Tile({ label, value, tone, children, testId }: { label: string; value: string; tone?: 'success' | 'warning'; children?: ReactNode; testId?: string }) {
  return (
    <div className="min-w-0 rounded-lg border bg-card/60 px-3 py-2.5" data-testid={testId}>
      <dt className="text-xs font-medium text-muted-foreground">{label}</dt>
      <dd className={cn('text-lg font-semibold tracking-tight tabular-nums', tone === 'success' && 'text-success', tone === 'warning' && 'text-warning')}>{value}</dd>
      {children && <dd className="text-xs text-muted-foreground tabular-nums">{children}</dd>}
    </div>
  )
}
