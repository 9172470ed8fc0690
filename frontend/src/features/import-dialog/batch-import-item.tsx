import { CheckCircle2, Loader2, X, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Input } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useI18n } from '@/i18n'
import { itemError } from '@/lib/error-text'
import { formatBytes } from '@/lib/format'
import { FitPanel } from './fit-panel'
import { Field } from './import-fields'
import { ProblemItem } from './preflight-panel'
import { UID_MAX } from './uid'
import type { BatchEntry } from './use-batch-import-form'

/**
 * One model of a batch: its uid (editable), what its pre-flight found (revision, exact size, room on disk, problems
 * and warnings) and its GPU fit with its own override. A model that cannot be downloaded says why and can be removed.
 */
export function BatchImportItem({ entry, index, checking, onRemove }: { entry: BatchEntry; index: number; checking: boolean; onRemove?: () => void }) {
  const { t, lang } = useI18n()
  const { item, check } = entry
  const pf = check?.preflight
  const idBase = `batch-${index}`
  const uidError =
    entry.uidProblem === 'duplicate'
      ? t('bimp.duplicateUid')
      : entry.uidProblem
        ? t(entry.uidProblem === 'empty' ? 'imp.uidEmpty' : entry.uidProblem === 'tooLong' ? 'imp.uidTooLong' : 'imp.uidPattern', { max: UID_MAX })
        : undefined
  const fits = pf?.disk.filter((d) => d.fits).length ?? 0
  return (
    <li
      className="space-y-3 rounded-lg border bg-muted/30 p-3 sm:p-4"
      aria-labelledby={`${idBase}-title`}
      aria-busy={checking}
      data-testid="batch-item"
      data-model-id={item.id}
      data-ok={entry.ok}
    >
      <div className="flex items-start justify-between gap-3">
        <h3 id={`${idBase}-title`} className="min-w-0 text-sm">
          <span className="font-mono font-semibold break-all">{item.id}</span>{' '}
          <span className="text-xs whitespace-nowrap text-muted-foreground">{t(`provider.${item.provider}`)}</span>
        </h3>
        {onRemove && (
          <button
            type="button"
            onClick={onRemove}
            aria-label={t('bimp.remove', { id: item.id })}
            className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring"
          >
            <X className="size-4" aria-hidden />
          </button>
        )}
      </div>
      <Field id={`${idBase}-uid`} label={t('imp.uid')} error={uidError}>
        {(describedBy, invalid) => (
          <Input
            id={`${idBase}-uid`}
            value={entry.uid}
            onChange={(e) => entry.setUid(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            className="font-mono"
            data-testid="batch-uid"
          />
        )}
      </Field>
      {check?.error ? (
        <ApiErrorAlert title={t('bimp.itemCheckFailed')} error={itemError(check.error)} />
      ) : !pf ? (
        <div className="space-y-2" role="status" aria-label={t('imp.checking')}>
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-16" />
        </div>
      ) : (
        <>
          <p className="flex flex-wrap gap-x-4 gap-y-1 text-sm" data-testid="batch-item-facts">
            <span>
              <span className="text-muted-foreground">{t('hs.revision')} </span>
              <span className="font-mono text-xs" title={pf.revision ?? undefined}>
                {pf.revision ? pf.revision.slice(0, 12) : t('common.none')}
              </span>
            </span>
            <span>
              <span className="text-muted-foreground">{t('hs.size')} </span>
              <span className="font-medium">{pf.size_bytes != null ? formatBytes(pf.size_bytes, lang) : t('common.none')}</span>
            </span>
            <span className={fits > 0 ? 'text-success' : 'text-destructive'}>{t('bimp.diskFits', { count: fits })}</span>
          </p>
          {(pf.blocking.length > 0 || pf.warnings.length > 0) && (
            <ul className="space-y-1.5">
              {pf.blocking.map((p) => (
                <ProblemItem key={p.code + p.message} problem={p} tone="danger" />
              ))}
              {pf.warnings
                .filter((w) => !w.code.startsWith('fit_'))
                .map((p) => (
                  <ProblemItem key={p.code + p.message} problem={p} tone="warning" />
                ))}
            </ul>
          )}
          <FitPanel fit={pf.fit} override={entry.override} idBase={idBase} compact />
          <p className={entry.ok ? 'flex items-center gap-1.5 text-sm text-success' : 'flex items-center gap-1.5 text-sm text-destructive'}>
            {checking ? (
              <Loader2 className="size-4 animate-spin" aria-hidden />
            ) : entry.ok ? (
              <CheckCircle2 className="size-4" aria-hidden />
            ) : (
              <XCircle className="size-4" aria-hidden />
            )}
            {entry.ok ? t('imp.ready') : pf.blocking.length > 0 ? t('imp.blocked') : t('bimp.notReady')}
          </p>
        </>
      )}
    </li>
  )
}
