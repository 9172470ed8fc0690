import { useEffect, useRef, useState } from 'react'
import { Loader2, RefreshCw, ScrollText, SearchX } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardHeader } from '@/components/ui/card'
import { EmptyState } from '@/components/ui/empty-state'
import { Pager } from '@/components/ui/pager'
import { Skeleton } from '@/components/ui/skeleton'
import { AuditFilters, NO_FILTERS, type AuditFilterValues } from '@/features/audit/audit-filters'
import { AuditTable } from '@/features/audit/audit-table'
import { useAudit } from '@/features/audit/use-audit'
import { RequireAuth } from '@/features/auth/require-auth'
import { useI18n } from '@/i18n'
import type { AuditQuery } from '@/lib/types'

export const AUDIT_PAGE_SIZE = 25

/** The audit trail page (admins only). */
export function AuditView() {
  const { t } = useI18n()
  return (
    <RequireAuth need="admin" forbiddenTitle={t('audit.forbiddenTitle')}>
      <AuditPageContent />
    </RequireAuth>
  )
}

function AuditPageContent() {
  const { t } = useI18n()
  const [filters, setFilters] = useState<AuditFilterValues>(NO_FILTERS)
  const [page, setPage] = useState(1)
  const query: AuditQuery = {
    page,
    limit: AUDIT_PAGE_SIZE,
    ...(filters.action && { action: filters.action }),
    ...(filters.actor && { actor: filters.actor }),
    ...(filters.outcome && { outcome: filters.outcome }),
  }
  const audit = useAudit(query)
  const top = useRef<HTMLDivElement>(null)
  const filtered = filters.action !== '' || filters.actor !== '' || filters.outcome !== ''

  useEffect(() => {
    document.title = `${t('audit.title')} · ${t('app.name')}`
  }, [t])

  return (
    <div className="space-y-6">
      <header className="space-y-1.5">
        <p className="text-sm text-muted-foreground">
          {t('nav.more')} <span aria-hidden>/</span> {t('nav.audit')}
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('audit.title')}</h1>
        <p className="max-w-3xl text-base text-muted-foreground">{t('audit.subtitle')}</p>
      </header>

      <Card aria-labelledby="audit-records-heading" data-testid="audit" aria-busy={audit.isFetching}>
        <CardHeader className="space-y-4">
          <div className="flex items-center justify-between gap-3">
            <h2 id="audit-records-heading" className="flex items-center gap-2 text-lg font-bold tracking-tight">
              <ScrollText className="size-5" aria-hidden />
              {t('audit.tableLabel')}
            </h2>
            <Button variant="outline" size="sm" onClick={() => void audit.refetch()} disabled={audit.isFetching}>
              {audit.isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
              {audit.isFetching ? t('common.refreshing') : t('common.refresh')}
            </Button>
          </div>
          <AuditFilters
            value={filters}
            onChange={(next) => {
              setFilters(next)
              setPage(1)
            }}
          />
        </CardHeader>
        <CardContent className="scroll-mt-20 space-y-4" ref={top}>
          {audit.error != null && (
            <ApiErrorAlert key={audit.errorUpdatedAt} title={t('audit.errorTitle')} error={audit.error} onRetry={() => void audit.refetch()} testId="audit-error" />
          )}
          {audit.data ? (
            audit.data.items.length === 0 ? (
              <EmptyState icon={<SearchX aria-hidden />} title={t('audit.emptyTitle')}>
                {filtered ? t('audit.emptyFilteredBody') : t('audit.emptyBody')}
              </EmptyState>
            ) : (
              <>
                <AuditTable items={audit.data.items} />
                <Pager
                  page={audit.data.page}
                  last={Math.max(1, Math.ceil(audit.data.total / audit.data.limit))}
                  busy={audit.isFetching}
                  onPage={setPage}
                  scrollTarget={top}
                  summary={{
                    from: (audit.data.page - 1) * audit.data.limit + 1,
                    to: (audit.data.page - 1) * audit.data.limit + audit.data.items.length,
                    total: audit.data.total,
                  }}
                  label={t('common.pagination')}
                  testId="audit-pager"
                />
              </>
            )
          ) : (
            audit.isPending && audit.error == null && <AuditLoading />
          )}
        </CardContent>
      </Card>
    </div>
  )
}

function AuditLoading() {
  const { t } = useI18n()
  return (
    <div role="status" className="space-y-2">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" aria-hidden />
        {t('audit.loading')}
      </p>
      {Array.from({ length: 5 }, (_, i) => (
        <Skeleton key={i} className="h-10" />
      ))}
    </div>
  )
}
