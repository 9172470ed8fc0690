import { ArrowUpCircle } from 'lucide-react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { useI18n, type Lang, type Translate } from '@/i18n'
import { formatBytes, formatDateTime, formatDuration, formatShortDateTime } from '@/lib/format'
import type { DownloadedModelRow, DownloadedModelState, DownloadProgress, NewerRevision as NewerRevisionInfo, ReplicaRef, RowError } from '@/lib/types'

const STATE_TONE: Record<DownloadedModelState, BadgeTone> = {
  running: 'success',
  downloading: 'info',
  starting: 'info',
  stopping: 'neutral',
  stopped: 'neutral',
  degraded: 'warning',
  failed: 'danger',
  cached: 'neutral',
  removing: 'neutral',
}

export function StateBadge({ state }: { state: DownloadedModelState }) {
  const { t } = useI18n()
  return (
    <Badge tone={STATE_TONE[state] ?? 'neutral'} data-state={state}>
      {t(`models.state.${state}`)}
    </Badge>
  )
}

export function SourceName({ source }: { source: DownloadedModelRow['source'] }) {
  const { t } = useI18n()
  if (source === 'huggingface' || source === 'modelscope') return <>{t(`provider.${source}`)}</>
  if (source === 'local') return <>{t('models.source.local')}</>
  // not known yet (a directory whose layout says nothing): nothing to claim
  return <span className="text-muted-foreground">{t('common.none')}</span>
}

/** A real progress bar with bytes, speed and ETA; says "total unknown" (and shows no fake bar) when so. */
export function ProgressCell({ progress, name }: { progress: DownloadProgress; name: string }) {
  const { t, lang } = useI18n()
  const known = progress.total_known && progress.total_bytes != null && progress.percent != null
  const done = formatBytes(progress.downloaded_bytes, lang)
  return (
    <div className="w-full min-w-0 space-y-1" data-testid="progress">
      {known ? (
        <div
          role="progressbar"
          aria-label={t('models.progressLabel', { name })}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(progress.percent!)}
          className="h-2 overflow-hidden rounded-full bg-accent"
        >
          <div className="h-full rounded-full bg-info transition-[width]" style={{ width: `${progress.percent}%` }} />
        </div>
      ) : (
        <div role="progressbar" aria-label={t('models.progressLabel', { name })} className="h-2 overflow-hidden rounded-full bg-accent">
          <div className="h-full w-1/3 animate-pulse rounded-full bg-info/50" />
        </div>
      )}
      <p className="text-xs text-muted-foreground tabular-nums">
        {known ? (
          <>
            <span className="font-medium text-foreground">{Math.floor(progress.percent!)}%</span> · {done} /{' '}
            {formatBytes(progress.total_bytes, lang)}
          </>
        ) : (
          <>
            {done} · {t('models.totalUnknown')}
          </>
        )}
        {progress.speed_bytes_per_sec != null && <> · {t('models.speed', { speed: formatBytes(progress.speed_bytes_per_sec, lang) })}</>}
        {progress.eta_seconds != null && <> · {t('models.eta', { eta: formatDuration(progress.eta_seconds, lang) })}</>}
      </p>
    </div>
  )
}


const replicaParams = (r: ReplicaRef | undefined) => ({ node: r?.node_id ?? '?', replica: r?.replica_id ?? '?' })

/**
 * A failure in the reader's language, from its code and the replicas it names (a row's error, or one observation
 * of the details timeline). Unknown codes fall back to the server's English summary.
 */
export function failureText(
  t: Translate,
  lang: Lang,
  failure: { code: string; replicas: ReplicaRef[]; replicas_total?: number | null; summary: string; since: string },
): string {
  const first = failure.replicas[0]
  switch (failure.code) {
    case 'download_failed':
      return t('failure.download_failed', replicaParams(first))
    case 'model_failed':
      return t('failure.model_failed')
    case 'node_lost':
      return t('failure.node_lost', { ...replicaParams(first), time: formatDateTime(failure.since, lang) })
    case 'replica_unhealthy':
      return t('failure.replica_unhealthy', replicaParams(first))
    case 'replicas_unhealthy':
      return t('failure.replicas_unhealthy', {
        count: failure.replicas.length,
        total: failure.replicas_total ?? failure.replicas.length,
        where: failure.replicas.map((r) => t('failure.replicaOn', replicaParams(r))).join(lang === 'zh' ? '，' : ', '),
      })
    default:
      return failure.summary
  }
}

/** The failure reason, short by default and expandable (native <details>: keyboard and screen-reader friendly). */
export function ErrorSummary({ error }: { error: RowError }) {
  const { t, lang } = useI18n()
  return (
    <details className="group max-w-80 text-xs" data-testid="row-error">
      <summary className="flex cursor-pointer gap-1 text-destructive [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="shrink-0 transition-transform group-open:rotate-90">▸</span>
        <span className="line-clamp-2 break-words group-open:line-clamp-none">{failureText(t, lang, error)}</span>
      </summary>
      <p className="mt-1 pl-3 text-muted-foreground">{t('models.errorSince', { time: formatDateTime(error.since, lang) })}</p>
    </details>
  )
}

export function NodesSummary({ row }: { row: DownloadedModelRow }) {
  const { t } = useI18n()
  if (row.node_count === 0) {
    // Nodes publish their cache at the next disk scan (up to a minute); a download already names its node.
    const fetching = [...new Set(row.progress?.replicas.map((r) => r.node_id) ?? [])]
    if (fetching.length === 0) return <span className="text-muted-foreground">{t('models.noNodes')}</span>
    return (
      <span className="block min-w-0">
        <span className="block text-xs text-muted-foreground">{t('models.fetchingOn')}</span>
        <span className="block truncate text-xs" title={fetching.join(', ')}>{fetching.join(', ')}</span>
      </span>
    )
  }
  const names = [...new Set(row.nodes.map((n) => n.node_id))]
  const down = row.nodes.some((n) => n.alive === false)
  // One line each, cut with an ellipsis (the whole list on hover and in Details): a long node list never
  // squeezes the column or grows the row.
  return (
    <span className="block min-w-0">
      <span className="flex flex-wrap items-center gap-x-1.5">
        {t('models.nodesCount', { count: row.node_count })}
        {down && <Badge tone="warning">{t('models.nodeDown')}</Badge>}
      </span>
      <span className="block truncate text-xs text-muted-foreground" title={names.join(', ')}>
        {names.slice(0, 3).join(', ')}
        {names.length > 3 && ` +${names.length - 3}`}
      </span>
    </span>
  )
}

/** The model's size: the hub's figure from the import, else its largest complete copy; unknown while nothing says. */
export function SizeCell({ row }: { row: DownloadedModelRow }) {
  const { t, lang } = useI18n()
  if (row.size_bytes == null) return <span className="text-muted-foreground">{t('common.none')}</span>
  return <>{formatBytes(row.size_bytes, lang)}</>
}

/** A commit sha reads like git shows it (12 characters, the full one on hover); branch names stay whole. */
export const shortRevision = (revision: string) => (/^[0-9a-f]{40}$/.test(revision) ? revision.slice(0, 12) : revision)

/**
 * When this catalog last saw the model serving, from its own observations ("Now" while it runs). Nebula records no
 * usage, and its "last used" is only the last cache scan, so that is not shown as if it were.
 */
export function LastSeenRunning({ row, long = false }: { row: DownloadedModelRow; long?: boolean }) {
  const { t, lang } = useI18n()
  if (row.state === 'running' || row.state === 'degraded') return <>{t('models.runningNow')}</>
  if (!row.last_seen_running) return <span className="text-muted-foreground">{t('models.neverSeenRunning')}</span>
  return (
    <time dateTime={row.last_seen_running} title={formatDateTime(row.last_seen_running, lang)}>
      {long ? formatDateTime(row.last_seen_running, lang) : formatShortDateTime(row.last_seen_running, lang)}
    </time>
  )
}

/**
 * The hub's default branch has moved past the revision this model was imported at: said on the row with the date the
 * hub gives, the commits and when it was checked on hover and in the details.
 */
export function NewerRevision({ row, newer, long = false }: { row: DownloadedModelRow; newer: NewerRevisionInfo; long?: boolean }) {
  const { t, lang } = useI18n()
  const date = newer.date ? formatDateTime(newer.date, lang) : null
  const detail = t('models.newerRevisionDetail', {
    sha: shortRevision(newer.sha),
    revision: row.revision ? shortRevision(row.revision) : t('common.none'),
    checked: formatDateTime(newer.checked_at, lang),
  })
  return (
    <span className="block min-w-0 text-xs text-info" data-testid="newer-revision" title={long ? undefined : detail}>
      <span className="flex min-w-0 items-center gap-1">
        <ArrowUpCircle className="size-3.5 shrink-0" aria-hidden />
        <span className="truncate">
          {t('models.newerRevision')}
          {newer.date && (
            <>
              {' · '}
              <time dateTime={newer.date}>{long ? date : formatShortDateTime(newer.date, lang)}</time>
            </>
          )}
        </span>
      </span>
      {long && <span className="mt-0.5 block text-muted-foreground">{detail}</span>}
    </span>
  )
}
