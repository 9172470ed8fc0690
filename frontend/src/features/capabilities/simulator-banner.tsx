import { FlaskConical } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { useI18n } from '@/i18n'

/** Says plainly that the "cluster" behind this page is the built-in simulator. */
export function SimulatorBanner() {
  const { t } = useI18n()
  return (
    <Alert tone="info" icon={<FlaskConical aria-hidden />} title={t('caps.simulatorBanner')} data-testid="simulator-banner">
      {t('caps.simulatorBannerBody')}
    </Alert>
  )
}
