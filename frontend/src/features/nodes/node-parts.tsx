import { AlertTriangle } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Meter, usageTone } from '@/components/ui/meter'
import { useI18n } from '@/i18n'
import { formatBytes, formatCount, formatMebibytes, formatShortDateTime } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { ClusterNode, NodeAlert, NodeDiskUsage, NodeGpu } from '@/lib/types'

/** A node's GPUs: memory in use of each, and which models' placements hold it (Nebula's scheduler skips held GPUs). */
export function GpuList({ node }: { node: ClusterNode }) {
  const { t } = useI18n()
  const free = node.gpus.filter((g) => g.held_by.length === 0).length
  return (
    <div className="min-w-0 space-y-1.5">
      <h4 className="text-xs font-medium text-muted-foreground">
        {node.gpus.length > 0 ? t('nodes.gpusHeading', { count: node.gpus.length, free }) : t('nodes.gpus')}
      </h4>
      {node.gpus.length === 0 ? (
        <p className="text-sm text-muted-foreground">{node.alive === false ? t('nodes.noGpusDown') : t('nodes.noGpus')}</p>
      ) : (
        <ul className="grid gap-x-5 gap-y-2 sm:grid-cols-2" data-testid="gpus">
          {node.gpus.map((gpu) => (
            <Gpu key={gpu.index} gpu={gpu} node={node.node_id} />
          ))}
        </ul>
      )}
    </div>
  )
}

function Gpu({ gpu, node }: { gpu: NodeGpu; node: string }) {
  const { t, lang } = useI18n()
  const used = formatMebibytes(gpu.memory_used_mb, lang)
  const total = formatMebibytes(gpu.memory_total_mb, lang)
  const held = gpu.held_by.length > 0
  const facts = [
    gpu.utilization_percent != null ? t('nodes.gpuBusy', { percent: gpu.utilization_percent }) : null,
    gpu.temperature_c != null ? t('nodes.gpuTemp', { celsius: gpu.temperature_c }) : null,
  ].filter(Boolean)
  return (
    <li className="grid min-w-0 grid-cols-[2.75rem_minmax(0,1fr)] items-start gap-x-2 text-xs" data-testid="gpu" data-held={held || undefined}>
      <span className="font-mono text-muted-foreground">{t('nodes.gpuN', { index: gpu.index })}</span>
      <span className="min-w-0 space-y-0.5">
        <Meter
          value={gpu.memory_used_mb}
          max={gpu.memory_total_mb}
          label={t('nodes.gpuMemoryLabel', { index: gpu.index, node })}
          valueText={t('nodes.ofUsed', { used, total })}
          tone={held ? 'info' : 'muted'}
        />
        <span className="flex min-w-0 items-baseline justify-between gap-2">
          <span className="min-w-0 truncate tabular-nums">
            {used} / {total}
            {facts.length > 0 && <span className="text-muted-foreground"> · {facts.join(' · ')}</span>}
          </span>
          {!held && <span className="shrink-0 text-success">{t('nodes.gpuFree')}</span>}
        </span>
        {/* what holds it: a placement of these models (the scheduler skips held GPUs) */}
        {held && (
          <span className="block truncate font-mono text-muted-foreground" title={gpu.held_by.join(', ')}>
            <span className="sr-only">{t('nodes.gpuHeldBy')} </span>
            {gpu.held_by.join(', ')}
          </span>
        )}
      </span>
    </li>
  )
}

/** The node's model disk: how full (amber from 85 %, red from 95 %, as Nebula alerts), used, total and free. */
export function DiskUsage({ node, disk }: { node: ClusterNode; disk: NodeDiskUsage | null }) {
  const { t, lang } = useI18n()
  return (
    <div className="space-y-1.5">
      <h4 className="text-xs font-medium text-muted-foreground">
        {t('nodes.disk')}
      </h4>
      {disk ? (
        <>
          <Meter
            value={Math.round(disk.used_percent)}
            label={t('nodes.diskLabel', { node: node.node_id })}
            valueText={t('nodes.percentUsed', { percent: Math.round(disk.used_percent) })}
            tone={usageTone(disk.used_percent)}
          />
          <p className="flex flex-wrap justify-between gap-x-3 text-xs tabular-nums">
            <span>
              {t('nodes.ofUsed', { used: formatBytes(disk.used_bytes, lang), total: formatBytes(disk.total_bytes, lang) })}{' '}
              <span className={cn('font-medium', disk.used_percent >= 85 && 'text-warning', disk.used_percent >= 95 && 'text-destructive')}>
                ({t('nodes.percentUsed', { percent: formatCount(Math.round(disk.used_percent), lang) })})
              </span>
            </span>
            <span className="text-muted-foreground">{t('nodes.free', { size: formatBytes(disk.available_bytes, lang) })}</span>
          </p>
          {node.model_dir && <p className="truncate font-mono text-xs text-muted-foreground" title={node.model_dir}>{node.model_dir}</p>}
        </>
      ) : (
        <p className="text-sm text-muted-foreground">{t('nodes.noDisk')}</p>
      )}
    </div>
  )
}

/**
 * Nebula's disk alerts, one per type: whether the last scan still wrote it (Nebula never clears an alert, so a
 * cleaned disk keeps it), how full the disk was, and since when / until when it was seen.
 */
export function AlertList({ node }: { node: ClusterNode }) {
  const { t, lang } = useI18n()
  if (node.alerts.length === 0) return null
  return (
    <div className="space-y-1.5">
      <h4 className="text-xs font-medium text-muted-foreground">
        {t('nodes.alerts')}
      </h4>
      <ul className="space-y-1.5" data-testid="alerts">
        {node.alerts.map((alert) => (
          <Alert key={alert.alert_type} alert={alert} lang={lang} />
        ))}
      </ul>
    </div>
  )
}

function Alert({ alert, lang }: { alert: NodeAlert; lang: 'en' | 'zh' }) {
  const { t } = useI18n()
  const critical = alert.alert_type === 'disk_critical'
  return (
    <li
      className={cn('rounded-md border px-2.5 py-1.5 text-xs', alert.active ? (critical ? 'border-destructive/30 bg-destructive/5' : 'border-warning/30 bg-warning/5') : 'bg-muted/40')}
      data-testid="alert"
      data-active={alert.active}
      data-type={alert.alert_type}
    >
      <p className="flex flex-wrap items-center gap-x-2 gap-y-1">
        <AlertTriangle className={cn('size-3.5 shrink-0', alert.active ? (critical ? 'text-destructive' : 'text-warning') : 'text-muted-foreground')} aria-hidden />
        <span className="font-medium">{t(`nodes.alert.${alert.alert_type}`)}</span>
        <Badge tone={alert.active ? (critical ? 'danger' : 'warning') : 'neutral'}>{alert.active ? t('nodes.alertActive') : t('nodes.alertStale')}</Badge>
      </p>
      <p className="mt-1 tabular-nums">
        {t(alert.active ? 'nodes.alertUsage' : 'nodes.alertUsageThen', {
          percent: formatCount(Math.round(alert.usage_percent), lang),
          size: formatBytes(alert.available_bytes, lang),
        })}
      </p>
      <p className="text-muted-foreground">
        {t('nodes.alertSeen', { first: formatShortDateTime(alert.first_seen, lang), last: formatShortDateTime(alert.last_seen, lang) })}
      </p>
      {!alert.active && <p className="text-muted-foreground">{t('nodes.alertStaleHint')}</p>}
    </li>
  )
}
