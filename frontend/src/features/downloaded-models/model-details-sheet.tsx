import type { ReactNode } from 'react'
import { ExternalLink } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Badge } from '@/components/ui/badge'
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'
import { nebulaModelsUrl, useNebulaUiUrl } from '@/features/capabilities/use-capabilities'
import { useI18n } from '@/i18n'
import { formatBytes, formatDateTime } from '@/lib/format'
import type { DownloadedModelRow } from '@/lib/types'
import { ErrorSummary, LastSeenRunning, NewerRevision, NodesSummary, ProgressCell, SizeCell, SourceName, StateBadge, failureText } from './model-parts'
import { useModelDetail } from './use-downloaded-models'

/** One copy of the files: node, directory, size and file count, complete or not, node alive or not. */
interface Copy {
  node_id: string
  cache_path: string
  size_bytes: number
  file_count?: number
  complete: boolean
  alive: boolean | null
}

/**
 * Details side panel: every field of the row (engine, replicas, endpoints, when it was last seen running), each copy
 * of its files with the directory it is in (cache-only rows too), what was observed, and a link to Nebula's own page.
 */
export function ModelDetailsSheet({ row: initial, onClose }: { row: DownloadedModelRow; onClose: () => void }) {
  const { t, lang } = useI18n()
  const detail = useModelDetail(initial.model_uid ?? null)
  const nebulaUi = useNebulaUiUrl()
  const row = detail.data?.model ?? initial
  const copies: Copy[] = detail.data?.copies ?? row.nodes
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent variant="sheet" closeLabel={t('common.close')} data-testid="model-details">
        <DialogHeader>
          <DialogTitle className="break-all">{row.model_name}</DialogTitle>
          <DialogDescription className="font-mono break-all">{row.model_uid ?? t('models.cacheOnly')}</DialogDescription>
        </DialogHeader>
        {row.model_uid && nebulaUi && (
          <a
            href={nebulaModelsUrl(nebulaUi)}
            target="_blank"
            rel="noopener noreferrer"
            className="inline-flex w-fit items-center gap-1.5 text-sm font-medium text-info underline-offset-4 hover:underline"
            data-testid="open-in-nebula"
          >
            {t('models.openInNebula')}
            <ExternalLink className="size-4" aria-hidden />
          </a>
        )}
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
          <Fact label={t('models.col.state')}>
            <StateBadge state={row.state} />
          </Fact>
          <Fact label={t('models.col.source')}>
            <SourceName source={row.source} />
          </Fact>
          <Fact label={t('models.col.revision')}>
            <span className="font-mono break-all">{row.revision ?? t('common.none')}</span>
            {row.newer_revision && <NewerRevision row={row} newer={row.newer_revision} long />}
          </Fact>
          <Fact label={t('models.col.size')}>
            <SizeCell row={row} />
          </Fact>
          <Fact label={t('models.col.nodes')}>
            <NodesSummary row={row} />
          </Fact>
          {row.model_uid && (
            <>
              <Fact label={t('models.engine')}>{row.engine_type ?? t('models.defaultEngine')}</Fact>
              <Fact label={t('models.replicasLabel')}>
                {row.replicas ? t('models.replicas', { ready: row.replicas.ready, desired: row.replicas.desired }) : t('common.none')}
              </Fact>
              <Fact label={t('models.lastSeenRunningLabel')}>
                <span title={t('models.lastSeenRunningHint')}>
                  <LastSeenRunning row={row} long />
                </span>
              </Fact>
            </>
          )}
          <Fact label={t('models.importedBy')}>
            {row.imported_by ? `${row.imported_by} · ${formatDateTime(row.imported_at, lang)}` : t('common.none')}
          </Fact>
        </dl>
        {row.progress && <ProgressCell progress={row.progress} name={row.model_name} />}
        {row.error && <ErrorSummary error={row.error} />}
        {row.model_uid && (
          <section className="space-y-2">
            <h3 className="text-sm font-semibold">{t('models.endpoints')}</h3>
            {row.endpoints.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('models.noEndpoints')}</p>
            ) : (
              <ul className="space-y-1 text-sm" data-testid="endpoints">
                {row.endpoints.map((e) => (
                  <li key={e.replica_id} className="flex flex-wrap items-center gap-2">
                    <Badge tone={e.status === 'ready' ? 'success' : e.status === 'unhealthy' ? 'danger' : 'neutral'}>{e.status}</Badge>
                    <span>{t('failure.replicaOn', { replica: e.replica_id, node: e.node_id })}</span>
                    {e.base_url && <code className="font-mono text-xs break-all text-muted-foreground">{e.base_url}</code>}
                  </li>
                ))}
              </ul>
            )}
          </section>
        )}
        {row.model_uid && detail.error != null && <ApiErrorAlert title={t('models.errorTitle')} error={detail.error} />}
        {row.model_uid && detail.isPending ? (
          <Skeleton className="h-32" />
        ) : (
          <section className="space-y-2">
            <h3 className="text-sm font-semibold">{t('models.copies')}</h3>
            {copies.length === 0 && <p className="text-sm text-muted-foreground">{t('models.noNodes')}</p>}
            <ul className="space-y-2 text-sm" data-testid="copies">
              {copies.map((c) => (
                <li key={`${c.node_id}:${c.cache_path}`} className="rounded-lg border p-2">
                  <p className="flex flex-wrap items-center gap-2 font-medium">
                    {c.node_id}
                    <Badge tone={c.complete ? 'success' : 'warning'}>{c.complete ? t('models.complete') : t('models.incomplete')}</Badge>
                    {c.alive === false && <Badge tone="danger">{t('models.nodeDown')}</Badge>}
                  </p>
                  <p className="font-mono text-xs break-all text-muted-foreground" data-testid="copy-path">
                    {c.cache_path}
                  </p>
                  <p className="text-xs text-muted-foreground">
                    {formatBytes(c.size_bytes, lang)}
                    {c.file_count != null && <> · {t('models.files', { count: c.file_count })}</>}
                  </p>
                </li>
              ))}
            </ul>
          </section>
        )}
        {detail.data && (
          <section className="space-y-2">
            <h3 className="text-sm font-semibold">{t('models.observations')}</h3>
            {detail.data.observations.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('models.noObservations')}</p>
            ) : (
              <ul className="space-y-1.5 text-sm">
                {detail.data.observations.map((o) => (
                  <li key={o.id}>
                    <time className="text-xs text-muted-foreground" dateTime={o.occurred_at}>
                      {formatDateTime(o.occurred_at, lang)}
                    </time>
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
        )}
      </DialogContent>
    </Dialog>
  )
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt className="text-muted-foreground">{label}</dt>
      <dd className="min-w-0">{children}</dd>
    </>
  )
}
