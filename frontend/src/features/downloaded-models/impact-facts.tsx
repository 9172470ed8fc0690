import { useId, type ReactNode } from 'react'
import { Alert } from '@/components/ui/alert'
import { useI18n } from '@/i18n'
import { formatBytes } from '@/lib/format'
import { noticeText } from '@/lib/notice'
import type { BatchDeleteImpact, DeleteImpact } from '@/lib/types'

type Impact = Pick<DeleteImpact & BatchDeleteImpact, 'nodes' | 'freed_bytes_expected' | 'running_replicas' | 'affected_models' | 'affected_cache_only' | 'files_deleted' | 'notes'>

/**
 * What a delete removes, as Nebula's own rule decides it (one model's or several models' together): the nodes, the
 * space freed, the serving replicas that stop, other models and cache-only entries that lose files, every directory
 * with its node and size, and the notes (dead nodes, directories outside the model dir).
 */
export function ImpactFacts({ impact, extra }: { impact: Impact; extra?: ReactNode }) {
  const { t, lang } = useI18n()
  const id = useId()
  const sep = lang === 'zh' ? '、' : ', '
  return (
    <>
      <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="delete-impact">
        {extra}
        <dt className="text-muted-foreground">{t('models.deleteNodes')}</dt>
        <dd className="break-words">{impact.nodes.join(sep) || t('common.none')}</dd>
        <dt className="text-muted-foreground">{t('models.deleteFreed')}</dt>
        <dd data-testid="delete-freed">{formatBytes(impact.freed_bytes_expected, lang)}</dd>
        <dt className="text-muted-foreground">{t('models.deleteRunning')}</dt>
        <dd data-testid="delete-running">{impact.running_replicas}</dd>
        {impact.affected_models.length > 0 && (
          <>
            <dt className="text-destructive">{t('models.deleteAffected')}</dt>
            <dd>
              <ul>
                {impact.affected_models.map((m) => (
                  <li key={m.model_uid}>
                    <code className="font-mono text-xs">{m.model_uid}</code> — {noticeText(t, lang, m.reason)}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {impact.affected_cache_only.length > 0 && (
          <>
            <dt className="text-destructive">{t('models.deleteAffectedCache')}</dt>
            <dd className="break-words">{impact.affected_cache_only.join(sep)}</dd>
          </>
        )}
      </dl>
      <section className="space-y-1.5" aria-labelledby={`${id}-paths`}>
        <h3 id={`${id}-paths`} className="text-sm font-semibold">
          {t('models.deletePaths')}
        </h3>
        {impact.files_deleted.length === 0 ? (
          <p className="text-sm text-muted-foreground">{t('models.deleteNoFiles')}</p>
        ) : (
          // every directory Nebula's rule matches, with its node and size: nothing is deleted that is not named here
          <ul className="max-h-48 space-y-1 overflow-y-auto rounded-lg border bg-muted/40 p-2 text-xs" data-testid="delete-paths" tabIndex={0} aria-labelledby={`${id}-paths`}>
            {impact.files_deleted.map((f) => (
              <li key={`${f.node_id}:${f.cache_path}`} className="flex flex-wrap items-baseline justify-between gap-x-3">
                <span className="min-w-0 font-mono break-all">
                  <span className="text-muted-foreground">{f.node_id}:</span> {f.cache_path}
                </span>
                <span className="shrink-0 tabular-nums text-muted-foreground">
                  {formatBytes(f.size_bytes, lang)} · {t('models.files', { count: f.file_count })}
                </span>
              </li>
            ))}
          </ul>
        )}
      </section>
      {impact.notes.map((note) => (
        <Alert key={note.message} tone="warning" title={noticeText(t, lang, note)} />
      ))}
    </>
  )
}
