import type { ReactNode } from 'react'
import { ExternalLink, Heart, Lock, PanelRightOpen, Server, ShieldAlert } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { useI18n, type MessageKey } from '@/i18n'
import { DownloadButton } from './download-button'
import { formatAbsolute, formatBytes, formatCount, formatParameters, formatRelative } from './format'
import type { SearchItem, SizeSource } from './types'

export const SIZE_SOURCE_KEYS: Record<SizeSource, MessageKey> = {
  files: 'hs.sizeSource.files',
  used_storage: 'hs.sizeSource.used_storage',
  estimate: 'hs.sizeSource.estimate',
  hub: 'hs.sizeSource.hub',
}

/** The results of one page, one card per model, every field the hub gave us. */
export function ResultList({
  items,
  onDetails,
  onDownload,
}: {
  items: SearchItem[]
  onDetails: (item: SearchItem) => void
  onDownload: (item: SearchItem) => void
}) {
  return (
    <ul className="divide-y rounded-lg border" data-testid="search-results">
      {items.map((item) => (
        <ResultRow key={item.id} item={item} onDetails={onDetails} onDownload={onDownload} />
      ))}
    </ul>
  )
}

function ResultRow({
  item,
  onDetails,
  onDownload,
}: {
  item: SearchItem
  onDetails: (item: SearchItem) => void
  onDownload: (item: SearchItem) => void
}) {
  const { t, lang } = useI18n()
  const held = item.in_cluster.held
  return (
    <li className="flex flex-col gap-3 p-4" data-testid="search-result" data-model-id={item.id}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <h3 className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1">
            <button
              type="button"
              className="min-w-0 text-left font-mono text-[0.9375rem] font-semibold break-all hover:underline"
              onClick={() => onDetails(item)}
            >
              {item.id}
            </button>
            {item.display_name && item.display_name !== item.name && (
              <span className="text-sm text-muted-foreground">{item.display_name}</span>
            )}
          </h3>
          <div className="flex flex-wrap gap-1.5">
            {held && (
              <Badge tone="success" data-testid="in-cluster-badge">
                <Server className="size-3.5" aria-hidden />
                {t('hs.inCluster')}
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
            {item.task && <Badge tone="info">{item.task}</Badge>}
            {item.library && <Badge>{item.library}</Badge>}
          </div>
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          <Button variant="outline" size="sm" onClick={() => onDetails(item)} aria-label={t('hs.detailsFor', { id: item.id })}>
            <PanelRightOpen aria-hidden />
            {t('hs.details')}
          </Button>
          <DownloadButton label={t('hs.downloadFor', { id: item.id })} onClick={() => onDownload(item)} />
        </div>
      </div>

      {item.description && <p className="line-clamp-2 text-sm text-muted-foreground">{item.description}</p>}

      {held && (
        <p className="text-sm" data-testid="in-cluster-detail">
          <span className="font-medium">{t('hs.inClusterAs')}</span>{' '}
          <span className="font-mono">{item.in_cluster.model_uids.join(', ') || '—'}</span>
          {item.in_cluster.nodes.length > 0 && (
            <>
              {' '}
              <span className="text-muted-foreground">{t('hs.onNodes')}</span>{' '}
              <span className="font-mono">{item.in_cluster.nodes.join(', ')}</span>
            </>
          )}
        </p>
      )}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <Fact label={t('hs.parameters')}>{item.parameters != null ? formatParameters(item.parameters) : '—'}</Fact>
        <Fact label={t('hs.size')}>
          {item.size_bytes != null ? (
            <>
              <span>
                {item.size_source === 'estimate' ? '≈ ' : ''}
                {formatBytes(item.size_bytes, lang)}
              </span>
              {item.size_source && (
                <span className="block text-xs text-muted-foreground">{t(SIZE_SOURCE_KEYS[item.size_source])}</span>
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
              <Heart className="size-3.5 text-muted-foreground" aria-hidden />
              {formatCount(item.likes, lang)}
            </span>
          ) : (
            '—'
          )}
        </Fact>
        <Fact label={t('hs.updated')}>
          {item.updated_at ? (
            <>
              <time dateTime={item.updated_at}>{formatRelative(item.updated_at, lang)}</time>
              <span className="block text-xs text-muted-foreground">{formatAbsolute(item.updated_at, lang)}</span>
            </>
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
        className="inline-flex w-fit items-center gap-1 text-sm text-info underline-offset-4 hover:underline"
      >
        {t('hs.openOnHub', { hub: t(`provider.${item.provider}`) })}
        <ExternalLink className="size-3.5" aria-hidden />
      </a>
    </li>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  )
}
