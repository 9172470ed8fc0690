import { Trash2 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n } from '@/i18n'
import { noticeText } from '@/lib/notice'
import type { DownloadedModelRow, ModelAction } from '@/lib/types'
import { LifecycleButtons } from './lifecycle'

/** What a row of block A can do; each action is gated by the role it needs. */
export interface RowActionHandlers {
  onDetails: (row: DownloadedModelRow) => void
  onDelete: (uid: string) => void
  onAction: (row: DownloadedModelRow, action: ModelAction) => void
  /** Uids with a lifecycle action on its way. */
  pending: ReadonlySet<string>
}

/**
 * The row's lifecycle actions (operators) and Delete (admins, registered rows: a cache-only row has no uid Nebula
 * could delete). An action that is not offered says why: a role below the one it needs (RoleGate), or the server's
 * reason (a tooltip and the button's description), never only a `title`. Details open from the model's name.
 */
export function RowActions({ row, onDelete, onAction, pending }: RowActionHandlers & { row: DownloadedModelRow }) {
  const { t, lang } = useI18n()
  const blocked = row.delete_blocked_by[0]
  return (
    <span className="flex flex-wrap gap-1.5 sm:justify-end lg:justify-start">
      <LifecycleButtons row={row} busy={row.model_uid != null && pending.has(row.model_uid)} onAction={onAction} />
      {row.model_uid && (
        <RoleGate need="admin">
          <Button
            variant="outline"
            size="sm"
            className="text-destructive"
            disabled={!row.deletable}
            disabledReason={!row.deletable ? (blocked ? noticeText(t, lang, blocked) : t('models.cannotDelete')) : undefined}
            onClick={() => onDelete(row.model_uid!)}
            aria-label={t('models.deleteOf', { name: row.model_uid })}
          >
            <Trash2 aria-hidden />
            {t('models.delete')}
          </Button>
        </RoleGate>
      )}
    </span>
  )
}
