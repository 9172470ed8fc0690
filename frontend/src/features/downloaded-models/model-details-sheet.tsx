import { ApiErrorAlert } from '@/components/api-error-alert'
import { Badge } from '@/components/ui/badge'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'
import { useI18n } from '@/i18n'
import { formatBytes, formatDateTime } from '@/lib/format'
import type { DownloadedModelRow } from '@/lib/types'
import { ErrorSummary, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge, failureText } from './model-parts'
import { useModelDetail } from './use-downloaded-models'

/** Details side panel: every field of the row, plus per-node copies and observations for registered models. */
export function ModelDetailsSheet({ row, onClose }: { row: DownloadedModelRow | null; onClose: () => void }) {
  const { t, lang } = useI18n()
  const detail = useModelDetail(row?.model_uid ?? null)
  return (
    <Dialog open={row != null} onOpenChange={(open) => !open && onClose()}>
      <DialogContent variant="sheet" closeLabel={t('common.close')} data-testid="model-details">
        {row && (
          <>
            <DialogHeader>
              <DialogTitle className="break-all">{row.model_name}</DialogTitle>
              <DialogDescription className="font-mono break-all">{row.model_uid ?? t('models.cacheOnly')}</DialogDescription>
            </DialogHeader>
            <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
              <dt className="text-muted-foreground">{t('models.col.state')}</dt>
              <dd><StateBadge state={row.state} /></dd>
              <dt className="text-muted-foreground">{t('models.col.source')}</dt>
              <dd><SourceName source={row.source} /></dd>
              <dt className="text-muted-foreground">{t('models.col.revision')}</dt>
              <dd className="font-mono break-all">{row.revision ?? t('common.none')}</dd>
              <dt className="text-muted-foreground">{t('models.col.size')}</dt>
              <dd><SizeCell row={row} /></dd>
              <dt className="text-muted-foreground">{t('models.col.nodes')}</dt>
              <dd><NodesSummary row={row} /></dd>
              <dt className="text-muted-foreground">{t('models.col.lastUsed')}</dt>
              <dd>{row.last_used ? formatDateTime(row.last_used, lang) : t('common.none')}</dd>
              <dt className="text-muted-foreground">{t('models.importedBy')}</dt>
              <dd>{row.imported_by ? `${row.imported_by} · ${formatDateTime(row.imported_at, lang)}` : t('common.none')}</dd>
            </dl>
            {row.progress && <ProgressCell progress={row.progress} name={row.model_name} />}
            {row.error && <ErrorSummary error={row.error} />}
            {row.model_uid && detail.error != null && <ApiErrorAlert title={t('models.errorTitle')} error={detail.error} />}
            {row.model_uid && detail.isPending && <Skeleton className="h-32" />}
            {detail.data && (
              <>
                <section className="space-y-2">
                  <h3 className="text-sm font-semibold">{t('models.copies')}</h3>
                  {detail.data.copies.length === 0 && <p className="text-sm text-muted-foreground">{t('models.noNodes')}</p>}
                  <ul className="space-y-2 text-sm">
                    {detail.data.copies.map((c) => (
                      <li key={`${c.node_id}:${c.cache_path}`} className="rounded-lg border p-2">
                        <p className="flex flex-wrap items-center gap-2 font-medium">
                          {c.node_id}
                          <Badge tone={c.complete ? 'success' : 'warning'}>{c.complete ? t('models.complete') : t('models.incomplete')}</Badge>
                          {c.alive === false && <Badge tone="danger">{t('models.nodeDown')}</Badge>}
                        </p>
                        <p className="font-mono text-xs break-all text-muted-foreground">{c.cache_path}</p>
                        <p className="text-xs text-muted-foreground">
                          {formatBytes(c.size_bytes, lang)} · {t('models.files', { count: c.file_count })}
                        </p>
                      </li>
                    ))}
                  </ul>
                </section>
                <section className="space-y-2">
                  <h3 className="text-sm font-semibold">{t('models.observations')}</h3>
                  {detail.data.observations.length === 0 ? (
                    <p className="text-sm text-muted-foreground">{t('models.noObservations')}</p>
                  ) : (
                    <ul className="space-y-1.5 text-sm">
                      {detail.data.observations.map((o) => (
                        <li key={o.id}>
                          <time className="text-xs text-muted-foreground" dateTime={o.occurred_at}>{formatDateTime(o.occurred_at, lang)}</time>
                          <p className="break-words">
                            {failureText(t, lang, {
                              code: o.kind,
                              replicas: o.node_id == null ? [] : [{ node_id: o.node_id, replica_id: o.replica_id }],
                              summary: o.summary,
                              since: o.occurred_at,
                            })}
                          </p>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              </>
            )}
          </>
        )}
      </DialogContent>
    </Dialog>
  )
}
