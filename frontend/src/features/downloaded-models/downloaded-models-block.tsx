import { HardDrive, Hourglass } from 'lucide-react'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { useI18n } from '@/i18n'

/** Block A. The service has no downloaded-models API yet, so this honestly says so (no sample rows). */
export function DownloadedModelsBlock() {
  const { t } = useI18n()
  return (
    <CatalogBlock
      id="downloaded-models"
      icon={<HardDrive aria-hidden />}
      title={t('downloaded.title')}
      description={t('downloaded.description')}
    >
      <EmptyState icon={<Hourglass aria-hidden />} title={t('downloaded.unavailableTitle')}>
        {t('downloaded.unavailableBody')}
      </EmptyState>
    </CatalogBlock>
  )
}
