import { useState, type ReactNode } from 'react'
import * as D from '@radix-ui/react-dialog'
import { Check, Copy, ExternalLink, X } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { useReturnFocus } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'
import { useI18n } from '@/i18n'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { formatBytes, formatCount, formatDateTime, formatParameters } from '@/lib/format'
import type { ModelMetadata, SearchItem } from '@/lib/types'
import { taskLabel } from './tasks'
import { useHubMetadata } from './use-hub-search'

/** A model's hub metadata in a side sheet (Radix dialog): revision, files, license, tags, summary, hub link. */
export function MetadataDrawer({ item, onClose }: { item: SearchItem | null; onClose: () => void }) {
  const { t } = useI18n()
  const restoreFocus = useReturnFocus()
  return (
    <D.Root open={item != null} onOpenChange={(open) => !open && onClose()}>
      <D.Portal>
        <D.Overlay className="fixed inset-0 z-50 bg-black/40" />
        <D.Content
          className="fixed inset-y-0 right-0 z-50 flex w-full max-w-xl flex-col border-l bg-card shadow-xl outline-none"
          data-testid="metadata-drawer"
          onCloseAutoFocus={restoreFocus}
        >
          {item && (
            <>
              <div className="flex items-start justify-between gap-3 border-b px-5 py-4">
                <div className="min-w-0 space-y-1">
                  <D.Title className="font-mono text-base font-semibold break-all">{item.id}</D.Title>
                  <D.Description className="text-sm text-muted-foreground">
                    {t('hs.drawerDescription', { hub: t(`provider.${item.provider}`) })}
                  </D.Description>
                </div>
                <D.Close
                  aria-label={t('common.close')}
                  className="inline-flex size-9 shrink-0 items-center justify-center rounded-lg text-muted-foreground hover:bg-accent hover:text-foreground"
                >
                  <X className="size-4" aria-hidden />
                </D.Close>
              </div>
              <div className="min-h-0 flex-1 overflow-y-auto px-5 py-4">
                <MetadataBody item={item} />
              </div>
            </>
          )}
        </D.Content>
      </D.Portal>
    </D.Root>
  )
}

function MetadataBody({ item }: { item: SearchItem }) {
  const { t } = useI18n()
  const meta = useHubMetadata(item.provider, item.id)
  if (meta.isPending) {
    return (
      <div role="status" aria-label={t('hs.loadingMetadata')} className="space-y-3">
        <Skeleton className="h-5 w-2/3" />
        <Skeleton className="h-20" />
        <Skeleton className="h-40" />
      </div>
    )
  }
  if (meta.isError) {
    return <ApiErrorAlert key={String(meta.errorUpdatedAt)} error={meta.error} title={t('hs.metadataError')} onRetry={() => void meta.refetch()} />
  }
  return <MetadataView meta={meta.data} />
}

function MetadataView({ meta }: { meta: ModelMetadata }) {
  const { t, lang } = useI18n()
  return (
    <div className="space-y-6">
      <a
        href={meta.hub_url}
        target="_blank"
        rel="noopener noreferrer"
        className="inline-flex items-center gap-1.5 text-sm font-medium text-info underline-offset-4 hover:underline"
        data-testid="hub-link"
      >
        {t('hs.openOnHub', { hub: t(`provider.${meta.provider}`) })}
        <ExternalLink className="size-4" aria-hidden />
      </a>

      <section className="space-y-2">
        <h3 className="text-sm font-semibold">{t('hs.summary')}</h3>
        {meta.summary ? (
          <p className="text-sm leading-relaxed whitespace-pre-line break-words" data-testid="metadata-summary">
            {meta.summary}
          </p>
        ) : (
          <p className="text-sm text-muted-foreground">{t('hs.noSummary')}</p>
        )}
      </section>

      <dl className="grid grid-cols-2 gap-x-4 gap-y-3 text-sm">
        <Row label={t('hs.revision')}>{meta.revision ? <Revision sha={meta.revision} /> : '—'}</Row>
        <Row label={t('hs.license')}>{meta.license ?? '—'}</Row>
        <Row label={t('hs.parameters')}>
          {meta.parameters != null ? (
            <span title={formatCount(meta.parameters, lang)}>{formatParameters(meta.parameters)}</span>
          ) : (
            '—'
          )}
        </Row>
        <Row label={t('hs.task')}>{meta.task ? taskLabel(t, meta.task) : '—'}</Row>
        <Row label={t('hs.library')}>{meta.library ?? '—'}</Row>
        <Row label={t('hs.updated')}>{meta.updated_at ? formatDateTime(meta.updated_at, lang) : '—'}</Row>
        <Row label={t('hs.totalSize')}>
          {formatBytes(meta.total_size_bytes, lang)}
          <span className="block text-xs text-muted-foreground">{t('hs.sizeSource.files')}</span>
        </Row>
        <Row label={t('hs.access')}>
          <span className="flex flex-wrap gap-1">
            {meta.gated ? (
              <Badge tone="warning">{meta.gated_mode ? t('hs.gatedMode', { mode: meta.gated_mode }) : t('hs.gated')}</Badge>
            ) : (
              <Badge>{t('hs.open')}</Badge>
            )}
            {meta.private && <Badge tone="danger">{t('hs.private')}</Badge>}
          </span>
        </Row>
      </dl>

      {meta.tags.length > 0 && (
        <section className="space-y-2">
          <h3 className="text-sm font-semibold">{t('hs.tags')}</h3>
          <ul className="flex flex-wrap gap-1.5">
            {meta.tags.map((tag) => (
              <li key={tag}>
                <Badge>{tag}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className="space-y-2">
        <h3 className="text-sm font-semibold">{t('hs.filesHeading', { count: formatCount(meta.file_count, lang) })}</h3>
        <div className="overflow-hidden rounded-lg border">
          <table className="w-full text-sm" data-testid="metadata-files">
            <thead className="bg-muted/60 text-left text-xs text-muted-foreground">
              <tr>
                <th scope="col" className="px-3 py-2 font-medium">
                  {t('hs.file')}
                </th>
                <th scope="col" className="px-3 py-2 text-right font-medium">
                  {t('hs.size')}
                </th>
              </tr>
            </thead>
            <tbody className="divide-y">
              {meta.files.map((file) => (
                <tr key={file.path}>
                  <td className="px-3 py-1.5 font-mono text-xs break-all">{file.path}</td>
                  <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">{formatBytes(file.size_bytes, lang)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot className="border-t bg-muted/40 font-semibold">
              <tr>
                <td className="px-3 py-2">{t('hs.total')}</td>
                <td className="px-3 py-2 text-right whitespace-nowrap tabular-nums">{formatBytes(meta.total_size_bytes, lang)}</td>
              </tr>
            </tfoot>
          </table>
        </div>
        {meta.files_truncated && <p className="text-xs text-muted-foreground">{t('hs.filesTruncated')}</p>}
      </section>
    </div>
  )
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="min-w-0">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="font-medium break-words">{children}</dd>
    </div>
  )
}

function Revision({ sha }: { sha: string }) {
  const { t } = useI18n()
  const [copied, setCopied] = useState(false)
  const short = /^[0-9a-f]{40,64}$/i.test(sha) ? sha.slice(0, 12) : sha
  return (
    <span className="inline-flex items-center gap-1">
      <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-xs" title={sha} data-testid="revision">
        {short}
      </code>
      <button
        type="button"
        aria-label={copied ? t('hs.copied') : t('hs.copyRevision')}
        title={copied ? t('hs.copied') : t('hs.copyRevision')}
        className="inline-flex size-7 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
        onClick={() => {
          void navigator.clipboard?.writeText(sha).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }}
      >
        {copied ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      </button>
    </span>
  )
}
