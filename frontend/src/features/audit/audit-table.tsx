import { Badge, type BadgeTone } from '@/components/ui/badge'
import { StackBody, StackCell, StackHead, StackRow, StackTable, StackTh } from '@/components/ui/stack-table'
import { useI18n } from '@/i18n'
import { formatAddress, formatDateTime } from '@/lib/format'
import { isRole } from '@/lib/roles'
import type { AuditOutcome, AuditRecord } from '@/lib/types'
import { detailLines } from './audit-details'

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
    <span className="block min-w-0 space-y-0.5">
      {/* ids break at their own separators, never letter by letter */}
      {source && <span className="block [overflow-wrap:anywhere]">{source}</span>}
      {record.model_uid && <span className="block font-mono text-xs text-muted-foreground [overflow-wrap:anywhere]">{record.model_uid}</span>}
    </span>
  )
}

/**
 * Fixed column widths from `lg`: Target and Action get the room, ids and times take what they need, so nothing wraps
 * letter by letter and the table never scrolls sideways.
 */
const COLUMNS = ['lg:w-44', 'lg:w-28', 'lg:w-24', '', 'lg:w-[22%]', 'lg:w-32', 'lg:w-40', 'lg:w-32']

/**
 * Audit records as a table (wide screens) or labelled cards (narrow screens): one row per write, its outcome folded
 * in by the service (when it completed on hover), details worded for people.
 */
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
    <StackTable aria-label={t('audit.tableLabel')} data-testid="audit-table" columns={COLUMNS}>
      <StackHead>
        {Object.values(col).map((name) => (
          <StackTh key={name}>{name}</StackTh>
        ))}
      </StackHead>
      <StackBody>
        {items.map((record) => {
          const details = detailLines(t, lang, record.details)
          return (
            <StackRow key={record.id} data-testid="audit-row">
              <StackCell label={col.time} className="lg:whitespace-nowrap">
                <time dateTime={record.occurred_at} title={record.occurred_at}>
                  {formatDateTime(record.occurred_at, lang)}
                </time>
              </StackCell>
              <StackCell label={col.actor} className="font-medium [overflow-wrap:anywhere]">
                {record.actor}
              </StackCell>
              <StackCell label={col.role} className="lg:whitespace-nowrap">
                {record.role ? (
                  isRole(record.role) ? t(`role.${record.role}`) : record.role
                ) : (
                  <span className="text-muted-foreground">{t('common.none')}</span>
                )}
              </StackCell>
              <StackCell label={col.action}>
                <span className="min-w-0">
                  <code className="font-mono text-[0.8125rem]">{record.action}</code>
                  {details.map((line) => (
                    <span key={line} className="block text-xs break-words text-muted-foreground">
                      {line}
                    </span>
                  ))}
                </span>
              </StackCell>
              <StackCell label={col.target}>
                <Target record={record} />
              </StackCell>
              <StackCell label={col.outcome}>
                <span
                  className="inline-flex flex-wrap items-center gap-1.5"
                  title={record.completed_at ? t('audit.completedAt', { time: formatDateTime(record.completed_at, lang) }) : undefined}
                >
                  <OutcomeBadge outcome={record.outcome} />
                  {record.outcome === 'accepted' && <span className="text-xs text-muted-foreground">{t('audit.pending')}</span>}
                  {record.attempts > 1 && (
                    <span className="text-xs text-muted-foreground whitespace-nowrap" title={record.last_at ?? undefined}>
                      {t('audit.attempts', { count: record.attempts })}
                    </span>
                  )}
                </span>
              </StackCell>
              <StackCell label={col.requestId}>
                <code className="font-mono text-xs select-all [overflow-wrap:anywhere]">{record.request_id}</code>
              </StackCell>
              <StackCell label={col.client}>
                {record.client_address ? (
                  <span className="font-mono text-xs [overflow-wrap:anywhere]" title={record.client_address}>
                    {formatAddress(record.client_address)}
                  </span>
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
