import { useId } from 'react'
import { Download } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useI18n } from '@/i18n'
import { canImport, useCurrentUser } from './roles'

/**
 * "Download" (import into the cluster): enabled for operators and admins. For anyone else it stays visible but
 * disabled, and the reason is in a tooltip (on hover and keyboard focus) and in its accessible description.
 */
export function DownloadButton({ label, onClick }: { label: string; onClick: () => void }) {
  const { t } = useI18n()
  const me = useCurrentUser()
  const reasonId = useId()
  const role = me.data?.user.role
  if (canImport(role)) {
    return (
      <Button size="sm" onClick={onClick} aria-label={label} data-testid="download-button">
        <Download aria-hidden />
        {t('hs.download')}
      </Button>
    )
  }
  const reason = me.isPending ? t('hs.downloadChecking') : role ? t('hs.downloadViewer') : t('hs.downloadSignedOut')
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0} aria-describedby={reasonId} className="inline-flex rounded-lg" data-testid="download-disabled">
          <Button size="sm" disabled aria-label={label} aria-describedby={reasonId} data-testid="download-button">
            <Download aria-hidden />
            {t('hs.download')}
          </Button>
          <span id={reasonId} className="sr-only">
            {reason}
          </span>
        </span>
      </TooltipTrigger>
      <TooltipContent>{reason}</TooltipContent>
    </Tooltip>
  )
}
