import { useId, useRef, useState } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { Download, Info, Loader2, Server } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { toast } from '@/components/ui/toaster'
import { useI18n } from '@/i18n'
import { ApiError } from '@/lib/api'
import { errorText } from '@/lib/error-text'
import { catalogKeys } from '@/lib/query-keys'
import type { ImportResult, SearchItem } from '@/lib/types'
import { ImportFields } from './import-fields'
import { PreflightPanel } from './preflight-panel'
import { useStartImport } from './use-import'
import { FIELDS, useImportForm } from './use-import-form'

/**
 * "Download" = import a hub model into the cluster. One dialog instance is one submission: its Idempotency-Key is
 * made when it opens and reused for every retry, so a double click or a retry after a lost answer starts one import.
 * A model the cluster already holds is said so first; then showing it is the main action and a second copy the other.
 */
export function ImportDialog({
  item,
  onClose,
  onImported,
  onShowExisting,
  focusAfterImport,
}: {
  item: SearchItem
  onClose: () => void
  onImported: (result: ImportResult) => void
  /** Shows a registered copy in block A (the dialog closes). */
  onShowExisting?: (uid: string) => void
  /** Where focus goes when the dialog closes after an import (otherwise back to the Download button). */
  focusAfterImport?: () => HTMLElement | null
}) {
  const { t, lang } = useI18n()
  const queryClient = useQueryClient()
  const idBase = useId()
  const [idempotencyKey] = useState(() => globalThis.crypto.randomUUID())
  const form = useImportForm(item)
  const start = useStartImport(idempotencyKey)
  const imported = useRef(false)
  const { pf } = form
  const existing = pf?.registered ?? []
  const canSubmit = form.ready && !start.isPending

  function submit() {
    if (!canSubmit) return
    form.setFieldErrors({})
    start.mutate(
      // The revision the pre-flight showed is pinned, so the cluster gets exactly what the operator checked.
      {
        ...form.base,
        model_uid: form.uid,
        ...(form.engine ? { engine_type: form.engine } : {}),
        replicas: form.replicas,
        auto_start: form.autoStart,
        ...form.fitOverride.request,
        ...(pf?.revision ? { revision: pf.revision } : {}),
      },
      {
        onSuccess: (result) => {
          void queryClient.invalidateQueries({ queryKey: catalogKeys.all })
          if (result.status === 'failed') return
          toast(t('imp.started', { uid: result.model_uid ?? form.uid, id: result.model_id }))
          imported.current = true
          onImported(result)
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.details?.field : undefined
          if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) form.setFieldErrors({ [field]: errorText(t, error) })
          else if (error instanceof ApiError && error.code === 'model_exists') form.setFieldErrors({ model_uid: errorText(t, error) })
        },
      },
    )
  }

  const failed = start.data?.status === 'failed' ? start.data : null
  const submitError = start.error ?? (failed ? new ApiError({ status: 201, code: failed.error?.code ?? 'import_failed', message: '' }) : null)
  const shownOnField = submitError instanceof ApiError && Object.keys(form.fieldErrors).length > 0
  const submitLabel = existing.length > 0 ? t('imp.submitCopy') : t('imp.submit')

  return (
    <Dialog open onOpenChange={(open) => !open && !start.isPending && onClose()}>
      <DialogContent
        closeLabel={t('common.close')}
        className="sm:max-w-2xl"
        data-testid="import-dialog"
        returnFocus={() => (imported.current ? focusAfterImport?.() : null)}
      >
        <DialogHeader>
          <DialogTitle>{t('imp.title')}</DialogTitle>
          <DialogDescription>
            {t('imp.description', { hub: t(`provider.${item.provider}`) })}{' '}
            <span className="mt-1 block font-mono break-all text-foreground">{item.id}</span>
          </DialogDescription>
        </DialogHeader>

        {existing.length > 0 && (
          <Alert
            tone="info"
            icon={<Info aria-hidden />}
            title={t('imp.inClusterTitle', { uids: existing.map((r) => r.model_uid).join(lang === 'zh' ? '、' : ', ') })}
            data-testid="already-in-cluster"
          >
            {t('imp.inClusterBody')}
          </Alert>
        )}

        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
          noValidate
        >
          <ImportFields form={form} idBase={idBase} />
          <PreflightPanel
            result={pf}
            error={form.preflight.isError ? form.preflight.error : null}
            checking={form.checking}
            idle={form.preflight.isPending && !form.preflight.isFetching && form.uidProblem != null}
            onRetry={() => void form.preflight.refetch()}
            override={form.fitOverride}
          />
          {submitError && !shownOnField && <ApiErrorAlert error={submitError} title={t('imp.submitError')} testId="import-error" />}

          {/* pinned to the bottom of the dialog: on a short screen the actions stay in view above the pre-flight */}
          <DialogFooter sticky>
            <Button variant="outline" onClick={onClose} disabled={start.isPending}>
              {t('common.cancel')}
            </Button>
            {existing.length > 0 && onShowExisting && (
              <Button onClick={() => onShowExisting(existing[0].model_uid)} data-testid="show-existing">
                <Server aria-hidden />
                {t('imp.showExisting')}
              </Button>
            )}
            <Button
              type="submit"
              variant={existing.length > 0 ? 'outline' : 'default'}
              // plainly disabled: why is the pre-flight's last line, right above
              disabled={!canSubmit}
              data-testid="import-submit"
            >
              {start.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />}
              {start.isPending ? t('imp.submitting') : submitLabel}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
