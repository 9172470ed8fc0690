import { useRef } from 'react'
import { CircleStop, HardDrive, Square } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { useI18n } from '@/i18n'
import { formatBytes } from '@/lib/format'
import type { DownloadedModelRow, ModelAction } from '@/lib/types'
import { detailsButtonOf } from './lifecycle'

/**
 * Asked before a stop or a cancelled download: what stops, and — said plainly — that Nebula keeps the files (for a
 * download, the partial ones, with how much and where) on the nodes until the model is deleted.
 */
export function LifecycleDialog({
  row,
  action,
  onClose,
  onConfirm,
}: {
  row: DownloadedModelRow
  action: ModelAction
  onClose: () => void
  onConfirm: () => void
}) {
  const { t, lang } = useI18n()
  const uid = row.model_uid ?? ''
  const cancel = action === 'cancel_download'
  const progress = row.progress
  const nodes = [...new Set(progress?.replicas.map((r) => r.node_id) ?? [])]
  const serving = row.replicas?.ready ?? 0
  // confirmed: the button that opened this goes away with the state; focus stays in the row, on its name
  const confirmed = useRef(false)
  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent
        closeLabel={t('common.close')}
        data-testid="lifecycle-dialog"
        data-action={action}
        returnFocus={() => (confirmed.current ? detailsButtonOf(uid) : null)}
      >
        <DialogHeader>
          <DialogTitle>{cancel ? t('life.cancelTitle', { uid }) : t('life.stopTitle', { uid })}</DialogTitle>
          <DialogDescription>
            {cancel ? t('life.cancelBody') : serving > 0 ? t('life.stopBodyServing', { count: serving }) : t('life.stopBody')}
          </DialogDescription>
        </DialogHeader>
        <Alert tone="info" icon={<HardDrive aria-hidden />} title={cancel ? t('life.partialKeptTitle') : t('life.filesKeptTitle')} data-testid="files-kept">
          {cancel && progress && progress.downloaded_bytes > 0
            ? t('life.soFar', { size: formatBytes(progress.downloaded_bytes, lang), nodes: nodes.join(lang === 'zh' ? '、' : ', ') || t('common.none') })
            : null}
        </Alert>
        <DialogFooter>
          <Button variant="outline" onClick={onClose}>
            {cancel ? t('life.keepDownloading') : t('life.keepRunning')}
          </Button>
          <Button
            variant="destructive"
            onClick={() => {
              confirmed.current = true
              onConfirm()
            }}
            data-testid="lifecycle-confirm"
          >
            {cancel ? <CircleStop aria-hidden /> : <Square aria-hidden />}
            {cancel ? t('life.confirmCancel') : t('life.confirmStop')}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
