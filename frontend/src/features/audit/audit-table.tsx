import { Badge, type BadgeTone } from '@/components/ui/badge'
import { StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { useI18n } from '@/i18n'
import { formatDateTime } from '@/lib/format'
import { isRole } from '@/lib/roles'
import type { AuditOutcome, AuditRecord } from '@/lib/types'

const OUTCOME_TONE: Record<AuditOutcome, BadgeTone> = {
  accepted: 'info',
  succeeded: 'success',
  failed: 'danger',
  denied: 'warning',
  refused: 'neutral',
}

export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { t } = useI18n()
  return <Badge tone={OUTCOME_TONE[outcome] ?? 'neutral'}>{t(`audit.outcome.${outcome}`)}</Badge>
}

/** What a record is about: hub/model id and model uid, when it names a model. */
function Target({ record }: { record: AuditRecord }) {
  const { t } = useI18n()
  const source = [record.provider, record.model_id].filter(Boolean).join(' / ')
  if (!source && !record.model_uid) return <span className="text-muted-foreground">{t('common.none')}</span>
  return (
    <span className="min-w-0 space-y-0.5">
      {source && <span className="block break-all">{source}</span>}
      {record.model_uid && <span className="block font-mono text-xs break-all text-muted-foreground">{record.model_uid}</span>}
    </span>
  )
}

function detailText(details: AuditRecord['details']): string | null {
  if (!details) return null
  const parts = Object.entries(details).map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`)
  return parts.length ? parts.join(' · ') : null
}

/** Audit records as a table (wide screens) or labelled cards (narrow screens). */
export function AuditTable({ items }: { items: AuditRecord[] }) {
  const { t, lang } = useI18n()
  const col = {
    time: t('audit.time'),
    actor: t('audit.actor'),
    role: t('audit.role'),
    action: t('audit.action'),
    target: t('audit.target'),
    outcome: t('audit.outcome'),
    requestId: t('audit.requestId'),
    client: t('audit.client'),
  }
  return (
    <StackTable aria-label={t('audit.tableLabel')} data-testid="audit-table">
      <StackHead>
        {Object.values(col).map((name) => (
          <StackTh key={name}>{name}</StackTh>
        ))}
      </StackHead>
      <StackBody>
        {items.map((record) => {
          const details = detailText(record.details)
          return (
            <StackRow key={record.id} data-testid="audit-row">
              <StackCell label={col.time} className="lg:whitespace-nowrap">
                <time dateTime={record.occurred_at} title={record.occurred_at}>
                  {formatDateTime(record.occurred_at, lang)}
                </time>
              </StackCell>
              <StackCell label={col.actor} className="font-medium break-all lg:break-normal lg:whitespace-nowrap">
                {record.actor}
              </StackCell>
              <StackCell label={col.role} className="lg:whitespace-nowrap">
                {record.role ? (
                  isRole(record.role) ? t(`role.${record.role}`) : record.role
                ) : (
                  <span className="text-muted-foreground">{t('common.none')}</span>
                )}
              </StackCell>
              <StackCell label={col.action} className="lg:min-w-48">
                <span className="min-w-0">
                  <code className="font-mono text-[0.8125rem]">{record.action}</code>
                  {details && <span className="block text-xs break-words text-muted-foreground">{details}</span>}
                </span>
              </StackCell>
              <StackCell label={col.target}>
                <Target record={record} />
              </StackCell>
              <StackCell label={col.outcome}>
                <span className="inline-flex items-center gap-1.5">
                  <OutcomeBadge outcome={record.outcome} />
                  {record.attempts > 1 && (
                    <span className="text-xs text-muted-foreground whitespace-nowrap" title={record.last_at ?? undefined}>
                      {t('audit.attempts', { count: record.attempts })}
                    </span>
                  )}
                </span>
              </StackCell>
              <StackCell label={col.requestId}>
                <code className="font-mono text-xs break-all select-all lg:break-normal lg:whitespace-nowrap">{record.request_id}</code>
              </StackCell>
              <StackCell label={col.client}>
                {record.client_address ? (
                  <span className="font-mono text-xs break-all lg:break-normal lg:whitespace-nowrap">{record.client_address}</span>
                ) : (
                  <span className="text-muted-foreground">{t('common.none')}</span>
                )}
              </StackCell>
            </StackRow>
          )
        })}
      </StackBody>
    </StackTable>
  )
}
