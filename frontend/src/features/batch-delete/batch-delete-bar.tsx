import { lazy, Suspense, useRef, useState } from 'react'
import { Trash2 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n } from '@/i18n'
import { SelectionBar } from './selection-bar'
import type { UidSelection } from './use-selection'

// Opened rarely and only on demand: the impact, the typed confirmation and the results load when first needed.
const BatchDeleteDialog = lazy(() => import('./batch-delete-dialog').then((m) => ({ default: m.BatchDeleteDialog })))

/**
 * The selected models and "Delete N models" (admin): one combined impact and one typed confirmation in a dialog. The
 * deleted models leave the selection, the failed ones stay in it; `onDeleted` tells the block (which says so in its
 * notice, `noticeId`, where focus goes when the button that opened the dialog has gone with the selection).
 */
export function BatchDeleteBar({
  selection,
  noticeId,
  onDeleted,
  testId = 'selection-bar',
}: {
  selection: UidSelection
  noticeId: string
  onDeleted: (uids: string[]) => void
  testId?: string
}) {
  const { t } = useI18n()
  const [deleting, setDeleting] = useState<string[] | null>(null)
  const button = useRef<HTMLButtonElement>(null)
  const count = selection.selected.size
  return (
    <>
      {count > 0 && (
        <SelectionBar count={t('select.count', { count })} onClear={selection.clear} testId={testId}>
          <RoleGate need="admin">
            <Button ref={button} variant="destructive" size="sm" onClick={() => setDeleting(selection.uids)} data-testid="batch-delete-open">
              <Trash2 aria-hidden />
              {t('select.deleteN', { count })}
            </Button>
          </RoleGate>
        </SelectionBar>
      )}
      <Suspense fallback={null}>
        {deleting && (
          <BatchDeleteDialog
            uids={deleting}
            onClose={() => setDeleting(null)}
            onFinished={(deleted) => {
              selection.set(deleted, false)
              if (deleted.length > 0) onDeleted(deleted)
            }}
            focusAfter={() => (button.current?.isConnected ? button.current : document.getElementById(noticeId))}
          />
        )}
      </Suspense>
    </>
  )
}
