import { Trash2 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n } from '@/i18n'
import { noticeText } from '@/lib/notice'
import type { DownloadedModelRow } from '@/lib/types'

/** What a row of block A can do. More actions (start, stop, retry) join here, each gated by the role it needs. */
export interface RowActionHandlers {
  onDetails: (row: DownloadedModelRow) => void
  onDelete: (uid: string) => void
}

/**
 * Details for everyone; Delete for admins, on registered rows (a cache-only row has no uid Nebula could delete). A
 * Delete that is not offered says why: a role below admin (RoleGate), or the server's reason (a tooltip and the
 * button's description), never only a `title`.
 */
export function RowActions({ row, onDetails, onDelete }: RowActionHandlers & { row: DownloadedModelRow }) {
  const { t, lang } = useI18n()
  const blocked = row.delete_blocked_by[0]
  return (
    <span className="flex gap-1.5 sm:justify-end lg:justify-start">
      <Button variant="outline" size="sm" onClick={() => onDetails(row)} aria-label={t('models.detailsOf', { name: row.model_name })}>
        {t('models.details')}
      </Button>
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
