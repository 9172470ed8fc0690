import { useId, useRef, type RefObject } from 'react'
import { CheckCircle2, Download, Loader2, Server, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { toast } from '@/components/ui/toaster'
import { useI18n } from '@/i18n'
import { errorText, itemError } from '@/lib/error-text'
import type { BatchImport, SearchItem } from '@/lib/types'
import { BatchImportItem } from './batch-import-item'
import { RunFields } from './import-fields'
import { useStartImports } from './use-import'
import { useBatchImportForm } from './use-batch-import-form'

/**
 * Several search results into the cluster in one dialog: engine, replicas and auto start for all of them, and per
 * model its own uid, pre-flight and GPU fit (with its own override). One submission starts them one after the other,
 * each idempotent on its own key; the outcome is shown per model, a failure of one beside the others' success.
 */
export function BatchImportDialog({
  items,
  onRemove,
  onClose,
  onStarted,
  onShow,
  focusAfter,
}: {
  items: SearchItem[]
  /** Takes a model out of the batch (and out of the selection). */
  onRemove: (item: SearchItem) => void
  onClose: () => void
  /** After the batch ran: the models that started (they leave the selection). */
  onStarted: (ids: string[]) => void
  /** Shows an imported model in block A (the dialog closes). */
  onShow: (uid: string) => void
  /** Where focus goes on close when the opener has gone (`shown`: after "Show in Downloaded models"). */
  focusAfter?: (shown: boolean) => HTMLElement | null
}) {
  const { t } = useI18n()
  const idBase = useId()
  const form = useBatchImportForm(items)
  const start = useStartImports()
  const resultsRef = useRef<HTMLHeadingElement>(null)
  const opener = useRef(typeof document === 'undefined' ? null : document.activeElement)
  const shown = useRef(false)
  const result = start.data
  const busy = start.isPending

  const submit = () => {
    if (!form.ready || busy) return
    start.mutate(form.submission(), {
      onSuccess: (answer) => {
        const started = answer.items.filter((i) => i.status !== 'failed')
        if (started.length > 0) toast(t('bimp.started', { count: started.length }))
        onStarted(started.map((i) => i.model_id))
        requestAnimationFrame(() => resultsRef.current?.focus())
      },
    })
  }

  return (
    <Dialog open onOpenChange={(open) => !open && !busy && onClose()}>
      <DialogContent
        closeLabel={t('common.close')}
        className="sm:max-w-3xl"
        data-testid="batch-import-dialog"
        returnFocus={() => (shown.current || !opener.current?.isConnected ? focusAfter?.(shown.current) : null)}
      >
        <DialogHeader>
          <DialogTitle>{t('bimp.title', { count: items.length })}</DialogTitle>
          <DialogDescription>{t('bimp.description')}</DialogDescription>
        </DialogHeader>
        {result ? (
          <Results
            result={result}
            headingRef={resultsRef}
            onShow={(uid) => {
              shown.current = true
              onShow(uid)
            }}
          />
        ) : (
          <form
            id={`${idBase}-form`}
            className="grid gap-4"
            noValidate
            onSubmit={(e) => {
              e.preventDefault()
              submit()
            }}
          >
            <fieldset className="space-y-2 rounded-lg border p-3 sm:p-4">
              <legend className="px-1 text-sm font-semibold">{t('bimp.shared')}</legend>
              <RunFields idBase={`${idBase}-run`} settings={form} />
            </fieldset>
            {form.preflight.isError && (
              <ApiErrorAlert error={form.preflight.error} title={t('bimp.preflightError')} onRetry={() => void form.preflight.refetch()} testId="batch-preflight-error" />
            )}
            <ul className="space-y-3" aria-label={t('bimp.models')}>
              {form.entries.map((entry, i) => (
                <BatchImportItem
                  key={entry.item.id}
                  entry={entry}
                  index={i}
                  checking={form.checking}
                  onRemove={items.length > 1 ? () => onRemove(entry.item) : undefined}
                />
              ))}
            </ul>
            {start.error != null && <ApiErrorAlert key={start.submittedAt} error={start.error} title={t('imp.submitError')} testId="batch-import-error" />}
          </form>
        )}
        {result ? (
          <DialogFooter>
            <Button onClick={onClose} data-testid="batch-import-done">
              {t('common.close')}
            </Button>
          </DialogFooter>
        ) : (
          <DialogFooter sticky>
            {!form.ready && !form.checking && <p className="mr-auto self-center text-xs text-muted-foreground">{t('bimp.notReadyAll')}</p>}
            <Button variant="outline" onClick={onClose} disabled={busy}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" form={`${idBase}-form`} disabled={!form.ready || busy} data-testid="batch-import-submit">
              {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />}
              {busy ? t('imp.submitting') : t('bimp.submit', { count: items.length })}
            </Button>
          </DialogFooter>
        )}
      </DialogContent>
    </Dialog>
  )
}

/** One line per model: started (as which uid, with a way to follow it in block A), or not, with the reason. */
function Results({ result, headingRef, onShow }: { result: BatchImport; headingRef: RefObject<HTMLHeadingElement | null>; onShow: (uid: string) => void }) {
  const { t } = useI18n()
  return (
    <section className="space-y-3" aria-labelledby="batch-import-results" data-testid="batch-import-results">
      <h3 id="batch-import-results" ref={headingRef} tabIndex={-1} role="status" className="text-base font-semibold outline-none">
        {t('bimp.resultTitle', { created: result.created, failed: result.failed })}
      </h3>
      <ul className="divide-y rounded-lg border">
        {result.items.map((r) => {
          const uid = r.result?.model_uid
          return (
            <li key={r.index} className="flex flex-wrap items-start justify-between gap-2 px-3 py-2 text-sm" data-testid="batch-import-result" data-status={r.status}>
              <span className="flex min-w-0 items-start gap-2.5">
                {r.status === 'failed' ? (
                  <XCircle className="mt-0.5 size-4 shrink-0 text-destructive" aria-hidden />
                ) : (
                  <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
                )}
                <span className="min-w-0">
                  <code className="block font-mono text-xs break-all">{r.model_id}</code>
                  <span className="block">
                    {r.status === 'failed'
                      ? `${t('bimp.itemFailed')}: ${r.error ? errorText(t, itemError(r.error)) : t('err.unexpected')}`
                      : t(r.status === 'replayed' ? 'bimp.replayed' : 'bimp.created', { uid: uid ?? '' })}
                  </span>
                </span>
              </span>
              {uid && r.status !== 'failed' && (
                <Button variant="outline" size="sm" onClick={() => onShow(uid)} aria-label={t('bimp.show', { uid })}>
                  <Server aria-hidden />
                  {t('imp.showExisting')}
                </Button>
              )}
            </li>
          )
        })}
      </ul>
    </section>
  )
}
