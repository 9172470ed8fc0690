import { Download } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n } from '@/i18n'

/**
 * "Download" (import into the cluster) needs the operator role. Through the shared `RoleGate`, a viewer sees it
 * in place but inert (aria-disabled, focusable) with the reason in a tooltip and its accessible description. For a
 * model the cluster already holds it is secondary: a second copy is possible, rarely what is wanted.
 */
export function DownloadButton({ label, secondary = false, onClick }: { label: string; secondary?: boolean; onClick: () => void }) {
  const { t } = useI18n()
  return (
    <RoleGate need="operator">
      <Button size="sm" variant={secondary ? 'outline' : 'default'} onClick={onClick} aria-label={label} data-testid="download-button">
        <Download aria-hidden />
        {t('hs.download')}
      </Button>
    </RoleGate>
  )
}
