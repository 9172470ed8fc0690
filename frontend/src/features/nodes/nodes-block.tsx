import { useState } from 'react'
import { CloudOff, Info, Loader2, RefreshCw, Server, ServerOff } from 'lucide-react'
import { useSearchParams } from 'wouter'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Label, Select } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useRole } from '@/features/auth/use-session'
import { BatchDeleteBar } from '@/features/batch-delete/batch-delete-bar'
import { useUidSelection } from '@/features/batch-delete/use-selection'
import { useI18n } from '@/i18n'
import { formatDateTime } from '@/lib/format'
import { COPY_SORTS, type CopySort, type SortOrder } from '@/lib/types'
import { ClusterTotals } from './cluster-totals'
import { NodeCard } from './node-card'
import { FIRST_COPY_ORDER, readNodesView, useNodes, writeNodesView, type NodesView } from './use-nodes'

const NOTICE_ID = 'nodes-notice'

/**
 * The cache manager: every node with its GPUs, disk, alerts and cached copies, the cluster's totals, and what is safe
 * to reclaim. Copies sort by when a model using them was last seen serving (never first: what can go), by size or by
 * name; an admin selects safe copies' models and deletes them in one batch. Refreshed every 10 s while shown.
 */
export function NodesBlock() {
  const { t, lang } = useI18n()
  const [params, setParams] = useSearchParams()
  const view = readNodesView(params)
  const nodes = useNodes(view.query)
  const selection = useUidSelection()
  const admin = useRole().can('admin')
  const [notice, setNotice] = useState<string | null>(null)
  const data = nodes.data

  const change = (patch: Partial<NodesView['query']> & { safeOnly?: boolean }) => {
    const { safeOnly = view.safeOnly, ...query } = patch
    setParams((prev) => writeNodesView(prev, { query: { ...view.query, ...query }, safeOnly }), { replace: true })
  }
  const sortBy = (sort: CopySort) =>
    change({ sort, order: view.query.sort === sort ? (view.query.order === 'asc' ? 'desc' : 'asc') : FIRST_COPY_ORDER[sort] })

  return (
    <CatalogBlock
      id="nodes"
      icon={<Server aria-hidden />}
      title={t('nodes.title')}
      description={t('nodes.description')}
      actions={
        <Button variant="outline" size="sm" onClick={() => !nodes.isFetching && void nodes.refetch()} aria-disabled={nodes.isFetching || undefined}>
          {nodes.isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          {nodes.isFetching ? t('common.refreshing') : t('common.refresh')}
        </Button>
      }
    >
      <div className="space-y-5">
        {data?.stale && (
          <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('models.staleTitle')} data-testid="stale-banner">
            {t('models.staleBody', { time: formatDateTime(data.as_of, lang) })}
          </Alert>
        )}
        {data && !data.gpus_known && <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('nodes.gpusUnknown')} />}
        {data && !data.alerts_known && <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('nodes.alertsUnknown')} />}
        {notice && <Alert id={NOTICE_ID} tabIndex={-1} role="status" tone="info" icon={<Info aria-hidden />} title={notice} className="outline-none" />}
        {nodes.error != null && (
          <ApiErrorAlert key={nodes.errorUpdatedAt} title={t('nodes.errorTitle')} error={nodes.error} onRetry={() => void nodes.refetch()} testId="nodes-error" />
        )}

        {data ? (
          data.nodes.length === 0 ? (
            <EmptyState icon={<ServerOff aria-hidden />} title={t('nodes.emptyTitle')}>
              {t('nodes.emptyBody')}
            </EmptyState>
          ) : (
            <>
              <ClusterTotals totals={data.totals} nodes={data.nodes} />
              <form className="flex flex-wrap items-end gap-3" onSubmit={(e) => e.preventDefault()} data-testid="nodes-controls">
                <div className="grid gap-1.5">
                  <Label htmlFor="copies-sort">{t('nodes.sortLabel')}</Label>
                  <Select id="copies-sort" className="w-44" value={view.query.sort} onChange={(e) => change({ sort: e.target.value as CopySort, order: FIRST_COPY_ORDER[e.target.value as CopySort] })}>
                    {COPY_SORTS.map((s) => (
                      <option key={s} value={s}>
                        {t(`nodes.sort.${s}`)}
                      </option>
                    ))}
                  </Select>
                </div>
                <div className="grid gap-1.5">
                  <Label htmlFor="copies-order">{t('models.order')}</Label>
                  <Select id="copies-order" className="w-36" value={view.query.order} onChange={(e) => change({ order: e.target.value as SortOrder })}>
                    <option value="asc">{t(view.query.sort === 'last_used' ? 'nodes.order.oldest' : 'models.order.asc')}</option>
                    <option value="desc">{t(view.query.sort === 'last_used' ? 'nodes.order.newest' : 'models.order.desc')}</option>
                  </Select>
                </div>
                <label className="flex h-10 items-center gap-2 text-sm font-medium">
                  <input type="checkbox" className="size-4 accent-primary" checked={view.safeOnly} onChange={(e) => change({ safeOnly: e.target.checked })} data-testid="safe-only" />
                  {t('nodes.safeOnly')}
                </label>
                {view.query.sort === 'last_used' && <p className="basis-full text-xs text-muted-foreground">{t('nodes.lastUsedHint')}</p>}
              </form>
              <div className="space-y-4" data-testid="node-list">
                {data.nodes.map((node) => (
                  <NodeCard
                    key={node.node_id}
                    node={node}
                    safeOnly={view.safeOnly}
                    sort={view.query.sort}
                    order={view.query.order}
                    onSort={sortBy}
                    selection={admin ? { selected: selection.selected, onToggle: selection.set } : undefined}
                  />
                ))}
              </div>
              <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-muted-foreground">
                <span>{t('models.asOf', { time: formatDateTime(data.as_of, lang) })}</span>
                <span>{t('models.autoRefresh')}</span>
              </div>
            </>
          )
        ) : (
          nodes.isPending &&
          nodes.error == null && (
            <div role="status" className="space-y-2">
              <p className="flex items-center gap-2 text-sm text-muted-foreground">
                <Loader2 className="size-4 animate-spin" aria-hidden />
                {t('nodes.loading')}
              </p>
              <Skeleton className="h-20" />
              <Skeleton className="h-48" />
            </div>
          )
        )}
      </div>
      <BatchDeleteBar
        selection={selection}
        noticeId={NOTICE_ID}
        testId="nodes-selection-bar"
        onDeleted={(uids) => setNotice(t('models.deletedMany', { count: uids.length, uids: uids.join(lang === 'zh' ? '、' : ', ') }))}
      />
    </CatalogBlock>
  )
}
