import { useId, useRef, useState } from 'react'
import { Loader2, Trash2 } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input, Label } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useI18n } from '@/i18n'
import { formatBytes } from '@/lib/format'
import { noticeText } from '@/lib/notice'
import { useDeleteImpact, useDeleteModel } from './use-downloaded-models'

/** Admin delete: shows what Nebula will remove (impact), and deletes only after the uid is typed exactly. */
export function DeleteModelDialog({
  uid,
  onClose,
  onDeleted,
  focusAfterDelete,
}: {
  uid: string | null
  onClose: () => void
  onDeleted: (uid: string) => void
  /** Where focus goes once the model is deleted (its row, and so the Delete button that opened this, goes away). */
  focusAfterDelete?: () => HTMLElement | null
}) {
  const { t, lang } = useI18n()
  const impact = useDeleteImpact(uid)
  const del = useDeleteModel()
  const [typed, setTyped] = useState('')
  const inputId = useId()
  const deleted = useRef(false)
  const close = () => {
    setTyped('')
    del.reset()
    onClose()
  }
  const data = impact.data
  return (
    <Dialog open={uid != null} onOpenChange={(open) => !open && close()}>
      <DialogContent
        closeLabel={t('common.close')}
        data-testid="delete-dialog"
        returnFocus={() => (deleted.current ? focusAfterDelete?.() : null)}
      >
        <DialogHeader>
          <DialogTitle>{t('models.deleteTitle', { uid: uid ?? '' })}</DialogTitle>
          <DialogDescription>{t('models.deleteIntro')}</DialogDescription>
        </DialogHeader>
        {impact.error != null && <ApiErrorAlert title={t('models.impactFailed')} error={impact.error} />}
        {impact.isPending && <Skeleton className="h-24" />}
        {data && (
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1.5 text-sm" data-testid="delete-impact">
            <dt className="text-muted-foreground">{t('models.deleteNodes')}</dt>
            <dd className="break-words">{data.nodes.join(lang === 'zh' ? '、' : ', ') || t('common.none')}</dd>
            <dt className="text-muted-foreground">{t('models.deleteFreed')}</dt>
            <dd>{formatBytes(data.freed_bytes_expected, lang)}</dd>
            <dt className="text-muted-foreground">{t('models.deleteRunning')}</dt>
            <dd>{data.running_replicas}</dd>
            {data.affected_models.length > 0 && (
              <>
                <dt className="text-destructive">{t('models.deleteAffected')}</dt>
                <dd>
                  <ul>
                    {data.affected_models.map((m) => (
                      <li key={m.model_uid}>
                        <code className="font-mono text-xs">{m.model_uid}</code> — {noticeText(t, lang, m.reason)}
                      </li>
                    ))}
                  </ul>
                </dd>
              </>
            )}
            {data.affected_cache_only.length > 0 && (
              <>
                <dt className="text-destructive">{t('models.deleteAffectedCache')}</dt>
                <dd className="break-words">{data.affected_cache_only.join(lang === 'zh' ? '、' : ', ')}</dd>
              </>
            )}
          </dl>
        )}
        {data && (
          <section className="space-y-1.5" aria-labelledby={`${inputId}-paths`}>
            <h3 id={`${inputId}-paths`} className="text-sm font-semibold">
              {t('models.deletePaths')}
            </h3>
            {data.files_deleted.length === 0 ? (
              <p className="text-sm text-muted-foreground">{t('models.deleteNoFiles')}</p>
            ) : (
              // every directory Nebula's rule matches, with its node and size: nothing is deleted that is not named here
              <ul className="max-h-48 space-y-1 overflow-y-auto rounded-lg border bg-muted/40 p-2 text-xs" data-testid="delete-paths" tabIndex={0}>
                {data.files_deleted.map((f) => (
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
        )}
        {data?.notes.map((note) => (
          <Alert key={note.message} tone="warning" title={noticeText(t, lang, note)} />
        ))}
        {del.error != null && <ApiErrorAlert key={del.submittedAt} title={t('models.deleteFailed')} error={del.error} />}
        <form
          className="grid gap-1.5"
          onSubmit={(e) => {
            e.preventDefault()
            if (!uid || typed !== uid) return
            del.mutate(uid, {
              onSuccess: () => {
                deleted.current = true
                onDeleted(uid)
                close()
              },
            })
          }}
        >
          <Label htmlFor={inputId}>{t('models.deleteTypeUid', { uid: uid ?? '' })}</Label>
          <Input id={inputId} autoComplete="off" spellCheck={false} value={typed} onChange={(e) => setTyped(e.target.value)} />
          <DialogFooter className="mt-3">
            <Button variant="outline" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" variant="destructive" disabled={typed !== uid || del.isPending || !data}>
              {del.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Trash2 aria-hidden />}
              {del.isPending ? t('models.deleting') : t('models.deleteConfirm')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
