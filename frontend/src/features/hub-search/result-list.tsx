import type { ReactNode } from 'react'
import { ExternalLink, Heart, Lock, PanelRightOpen, Server, ShieldAlert } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { useI18n, type MessageKey } from '@/i18n'
import { formatBytes, formatCount, formatDateTime, formatParameters, formatRelative } from '@/lib/format'
import { cn } from '@/lib/utils'
import type { SearchItem, SizeSource } from '@/lib/types'
import { DownloadButton } from './download-button'
import { taskLabel } from './tasks'

export const SIZE_SOURCE_KEYS: Record<SizeSource, MessageKey> = {
  files: 'hs.sizeSource.files',
  used_storage: 'hs.sizeSource.used_storage',
  estimate: 'hs.sizeSource.estimate',
  hub: 'hs.sizeSource.hub',
}

/** Results chosen for one batch download (operators): a checkbox in front of each; none once the batch is full. */
export interface ResultSelection {
  selected: ReadonlySet<string>
  onToggle: (item: SearchItem, on: boolean) => void
  full: boolean
}

/** The results of one page, one card per model, every field the hub gave us. */
export function ResultList({
  items,
  onDetails,
  onDownload,
  selection,
}: {
  items: SearchItem[]
  onDetails: (item: SearchItem) => void
  onDownload: (item: SearchItem) => void
  selection?: ResultSelection
}) {
  return (
    <ul className="divide-y rounded-lg border" data-testid="search-results">
      {items.map((item) => (
        <ResultRow key={item.id} item={item} onDetails={onDetails} onDownload={onDownload} selection={selection} />
      ))}
    </ul>
  )
}

function ResultRow({
  item,
  onDetails,
  onDownload,
  selection,
}: {
  item: SearchItem
  onDetails: (item: SearchItem) => void
  onDownload: (item: SearchItem) => void
  selection?: ResultSelection
}) {
  const { t, lang } = useI18n()
  const held = item.in_cluster.held
  // registered under a uid, or only files in some node's cache: both are "in the cluster", said differently
  const registered = item.in_cluster.model_uids.length > 0
  const sep = lang === 'zh' ? '、' : ', '
  const where = [
    registered ? item.in_cluster.model_uids.join(sep) : '',
    item.in_cluster.nodes.length > 0 ? `${registered ? t('hs.onNodes') : t('hs.filesOn')} ${item.in_cluster.nodes.join(sep)}` : '',
  ]
    .filter(Boolean)
    .join(' ')
  // One compact row (about 90–110 px on a desktop): name and badges, one line of description, one line of facts.
  return (
    <li className="flex flex-col gap-1 px-3 py-2.5 sm:px-4" data-testid="search-result" data-model-id={item.id}>
      <div className="flex flex-wrap items-start justify-between gap-x-3 gap-y-1.5 sm:flex-nowrap">
        <div className="flex min-w-0 flex-1 items-start gap-2.5">
          {selection && (
            <input
              type="checkbox"
              className="mt-1 size-4 shrink-0 accent-primary"
              checked={selection.selected.has(item.id)}
              disabled={selection.full && !selection.selected.has(item.id)}
              onChange={(e) => selection.onToggle(item, e.target.checked)}
              aria-label={t('bimp.select', { id: item.id })}
              data-testid="select-result"
            />
          )}
          <div className="min-w-0 flex-1 space-y-0.5">
            <h3 className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
              <button
                type="button"
                className="min-w-0 text-left font-mono text-sm font-semibold break-all hover:underline"
                onClick={() => onDetails(item)}
              >
                {item.id}
              </button>
              {item.display_name && item.display_name !== item.name && (
                <span className="text-xs text-muted-foreground">{item.display_name}</span>
              )}
              {held && (
                <Badge tone={registered ? 'success' : 'info'} data-testid="in-cluster-badge" data-registered={registered}>
                  <Server className="size-3.5" aria-hidden />
                  {registered ? t('hs.inCluster') : t('hs.inClusterFiles', { count: item.in_cluster.nodes.length })}
                </Badge>
              )}
              {item.gated && (
                <Badge tone="warning">
                  <ShieldAlert className="size-3.5" aria-hidden />
                  {item.gated_mode ? t('hs.gatedMode', { mode: item.gated_mode }) : t('hs.gated')}
                </Badge>
              )}
              {item.private && (
                <Badge tone="danger">
                  <Lock className="size-3.5" aria-hidden />
                  {t('hs.private')}
                </Badge>
              )}
              {item.task && <Badge tone="info">{taskLabel(t, item.task)}</Badge>}
              {item.library && <Badge>{item.library}</Badge>}
            </h3>
            {item.description && (
              <p className="line-clamp-1 text-xs text-muted-foreground" title={item.description}>
                {item.description}
              </p>
            )}
          </div>
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          <Button variant="outline" size="sm" onClick={() => onDetails(item)} aria-label={t('hs.detailsFor', { id: item.id })}>
            <PanelRightOpen aria-hidden />
            {t('hs.details')}
          </Button>
          <DownloadButton label={t('hs.downloadFor', { id: item.id })} secondary={registered} onClick={() => onDownload(item)} />
        </div>
      </div>

      {held && (
        <p className={cn('truncate text-xs', selection && 'pl-[1.625rem]')} data-testid="in-cluster-detail" title={registered ? `${t('hs.inClusterAs')} ${where}` : where}>
          {/* registered: its uids (and nodes); files only: the nodes that hold them */}
          {registered && <span className="font-medium">{t('hs.inClusterAs')} </span>}
          <span className="font-mono">{where}</span>
        </p>
      )}

      {/* under the name, past the checkbox */}
      <div className={cn('flex flex-wrap items-baseline justify-between gap-x-4 gap-y-0.5', selection && 'pl-[1.625rem]')}>
        <dl className="flex flex-wrap gap-x-4 gap-y-0.5 text-xs">
          <Fact label={t('hs.parameters')}>{item.parameters != null ? formatParameters(item.parameters) : '—'}</Fact>
          <Fact label={t('hs.size')}>
            {item.size_bytes != null ? (
              <>
                <span>
                  {item.size_source === 'estimate' ? '≈ ' : ''}
                  {formatBytes(item.size_bytes, lang)}
                </span>
                {item.size_source && (
                  <span className="font-normal text-muted-foreground">{t(SIZE_SOURCE_KEYS[item.size_source])}</span>
                )}
              </>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={item.provider === 'huggingface' ? t('hs.downloads30d') : t('hs.downloadsAll')}>
            {item.downloads != null ? formatCount(item.downloads, lang) : '—'}
          </Fact>
          <Fact label={t('hs.likes')}>
            {item.likes != null ? (
              <span className="inline-flex items-center gap-1">
                <Heart className="size-3 text-muted-foreground" aria-hidden />
                {formatCount(item.likes, lang)}
              </span>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('hs.updated')}>
            {item.updated_at ? (
              <time dateTime={item.updated_at} title={formatDateTime(item.updated_at, lang)}>
                {formatRelative(item.updated_at, lang)}
              </time>
            ) : (
              '—'
            )}
          </Fact>
          <Fact label={t('hs.license')}>{item.license ?? '—'}</Fact>
        </dl>
        <a
          href={item.hub_url}
          target="_blank"
          rel="noopener noreferrer"
          className="inline-flex w-fit shrink-0 items-center gap-1 text-xs text-info underline-offset-4 hover:underline"
        >
          {t('hs.openOnHub', { hub: t(`provider.${item.provider}`) })}
          <ExternalLink className="size-3" aria-hidden />
        </a>
      </div>
    </li>
  )
}

/** One "label value" pair of the facts line. */
function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex min-w-0 items-baseline gap-1">
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="inline-flex min-w-0 flex-wrap items-baseline gap-x-1 font-medium break-words">{children}</dd>
    </div>
  )
}
