import { useId, useRef, useState } from 'react'
import { Loader2, Trash2 } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Input, Label } from '@/components/ui/input'
import { Skeleton } from '@/components/ui/skeleton'
import { useI18n } from '@/i18n'
import { ImpactFacts } from './impact-facts'
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
  const { t } = useI18n()
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
        {data && <ImpactFacts impact={data} />}
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
