import { Hourglass, Search } from 'lucide-react'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { useI18n } from '@/i18n'

/** Block B. The service has no hub-search API yet, so this honestly says so (no sample results). */
export function HubSearchBlock() {
  const { t } = useI18n()
  return (
    <CatalogBlock id="hub-search" icon={<Search aria-hidden />} title={t('search.title')} description={t('search.description')}>
      <EmptyState icon={<Hourglass aria-hidden />} title={t('search.unavailableTitle')}>
        {t('search.unavailableBody')}
      </EmptyState>
    </CatalogBlock>
  )
}
