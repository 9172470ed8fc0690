import { useId, useRef, useState, type RefObject } from 'react'
import { CheckCircle2, Loader2, Trash2, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input, Label } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { ImpactFacts } from '@/features/downloaded-models/impact-facts'
import { useI18n } from '@/i18n'
import { errorText, itemError } from '@/lib/error-text'
import { formatBytes } from '@/lib/format'
import type { BatchDeleteImpact, BatchDeleteResult } from '@/lib/types'
import { useDeleteModels, useDeletionImpact } from './use-batch-delete'

/**
 * Admin delete of several models at once: one combined impact (every directory once, the nodes, the space freed, the
 * replicas that stop, who else loses files), one typed confirmation — the server's phrase, `delete 2 models` — and then
 * a result per model: a failure of one is shown with its reason and the others are deleted.
 */
export function BatchDeleteDialog({
  uids,
  onClose,
  onFinished,
  focusAfter,
}: {
  uids: string[]
  onClose: () => void
  /** After the deletes ran: which were deleted (the others failed). */
  onFinished: (deleted: string[]) => void
  /** Where focus goes on close once models were deleted (the opener may have gone with them). */
  focusAfter?: () => HTMLElement | null
}) {
  const { t } = useI18n()
  const impact = useDeletionImpact(uids)
  const del = useDeleteModels()
  const [typed, setTyped] = useState('')
  const inputId = useId()
  const resultsRef = useRef<HTMLHeadingElement>(null)
  const data = impact.data
  const phrase = data?.confirmation_phrase ?? ''
  const result = del.data
  const busy = del.isPending

  const submit = () => {
    if (!data || typed.trim() !== phrase || busy) return
    del.mutate(
      { uids, confirmation: typed.trim() },
      {
        onSuccess: (answer) => {
          onFinished(answer.results.filter((r) => r.status === 'deleted').map((r) => r.model_uid))
          // the results replace the form: say so to whoever is on the confirm button
          requestAnimationFrame(() => resultsRef.current?.focus())
        },
      },
    )
  }

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent
        closeLabel={t('common.close')}
        className="sm:max-w-2xl"
        data-testid="batch-delete-dialog"
        returnFocus={() => (result && result.deleted > 0 ? focusAfter?.() : null)}
      >
        <DialogHeader>
          <DialogTitle>{t('bdel.title', { count: uids.length })}</DialogTitle>
          <DialogDescription>{result ? t('bdel.doneIntro') : t('bdel.intro')}</DialogDescription>
        </DialogHeader>
        {result ? (
          <Results result={result} headingRef={resultsRef} />
        ) : (
          <>
            {impact.error != null && <ApiErrorAlert title={t('models.impactFailed')} error={impact.error} onRetry={() => void impact.refetch()} />}
            {impact.isPending && <Skeleton className="h-32" />}
            {data && <ImpactFacts impact={data} extra={<ModelList impact={data} />} />}
            {del.error != null && <ApiErrorAlert key={del.submittedAt} title={t('bdel.failed')} error={del.error} />}
          </>
        )}
        {result ? (
          <DialogFooter>
            <Button onClick={onClose} data-testid="batch-delete-done">
              {t('common.close')}
            </Button>
          </DialogFooter>
        ) : (
          <form
            className="grid gap-1.5"
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <Label htmlFor={inputId}>{t('bdel.typeLabel')}</Label>
            <p className="text-sm">
              <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground select-all" data-testid="confirmation-phrase">
                {phrase || '…'}
              </code>{' '}
              <span className="text-xs text-muted-foreground">{t('bdel.phraseHint')}</span>
            </p>
            <Input id={inputId} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} data-testid="confirmation-input" />
            <DialogFooter sticky className="mt-3">
              <Button variant="outline" onClick={onClose} disabled={busy}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" variant="destructive" disabled={!data || typed.trim() !== phrase || busy} data-testid="batch-delete-confirm">
                {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
                {busy ? t('models.deleting') : t('bdel.confirm', { count: uids.length })}
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  )
}

/** The models of the batch with what each one's delete removes on its own; uids the cluster no longer has. */
function ModelList({ impact }: { impact: BatchDeleteImpact }) {
  const { t, lang } = useI18n()
  return (
    <>
      <dt className="text-muted-foreground">{t('bdel.models')}</dt>
      <dd>
        <ul className="space-y-0.5" data-testid="batch-delete-models">
          {impact.models.map((m) => (
            <li key={m.model_uid} className="flex flex-wrap items-baseline gap-x-2">
              <code className="font-mono text-xs">{m.model_uid}</code>
              <span className="text-xs text-muted-foreground">
                {t('bdel.perModel', { nodes: m.nodes.length, size: formatBytes(m.freed_bytes_expected, lang) })}
              </span>
            </li>
          ))}
        </ul>
        {impact.unknown_uids.length > 0 && (
          <Alert tone="warning" className="mt-2 py-2" title={t('bdel.unknown', { uids: impact.unknown_uids.join(lang === 'zh' ? '、' : ', ') })} />
        )}
      </dd>
    </>
  )
}

/** One line per model: deleted, or not with the reason in the reader's words. */
function Results({ result, headingRef }: { result: BatchDeleteResult; headingRef: RefObject<HTMLHeadingElement | null> }) {
  const { t, lang } = useI18n()
  return (
    <section className="space-y-3" aria-labelledby="batch-delete-results" data-testid="batch-delete-results">
      <h3 id="batch-delete-results" ref={headingRef} tabIndex={-1} className="text-base font-semibold outline-none" role="status">
        {t('bdel.resultTitle', { deleted: result.deleted, failed: result.failed })}
        {result.deleted > 0 && <span className="block text-sm font-normal text-muted-foreground">{t('bdel.freed', { size: formatBytes(result.freed_bytes_expected, lang) })}</span>}
      </h3>
      <ul className="divide-y rounded-lg border">
        {result.results.map((r) => (
          <li key={r.model_uid} className="flex items-start gap-2.5 px-3 py-2 text-sm" data-testid="batch-delete-result" data-status={r.status}>
            {r.status === 'deleted' ? (
              <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
            ) : (
              <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
            )}
            <span className="min-w-0 space-y-0.5">
              <code className="block font-mono text-xs break-all">{r.model_uid}</code>
              <span className="block">
                {r.status === 'deleted' ? t('bdel.deletedRow') : `${t('bdel.failedRow')}: ${r.error ? errorText(t, itemError(r.error)) : t('err.unexpected')}`}
              </span>
            </span>
          </li>
        ))}
      </ul>
      {result.failed > 0 && <p className="text-sm text-muted-foreground">{t('bdel.keptSelected')}</p>}
    </section>
  )
}
