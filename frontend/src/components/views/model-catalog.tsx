import { lazy, Suspense, useEffect } from 'react'
import { Toaster } from '@/components/ui/toaster'
import { CapabilityStrip } from '@/features/capabilities/capability-strip'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { DownloadedModelsBlock } from '@/features/downloaded-models/downloaded-models-block'
import { useI18n } from '@/i18n'

// Block B sits below block A and needs nothing at first paint: its code (search, results, pager) loads beside block A's
// first list request instead of in front of it, which keeps the first load within the page's JavaScript budget.
const HubSearchBlock = lazy(() => import('@/features/hub-search/hub-search-block').then((m) => ({ default: m.HubSearchBlock })))

/** The Model Catalog page: service status (one line), block A (downloaded models) and block B (hub search). */
export function ModelCatalogView() {
  const { t } = useI18n()
  const caps = useCapabilities()

  useEffect(() => {
    document.title = `${t('catalog.title')} · ${t('app.name')}`
  }, [t])

  return (
    <div className="space-y-6">
      <header className="space-y-1.5">
        <p className="text-sm text-muted-foreground">
          {t('nav.more')} <span aria-hidden>/</span> {t('nav.modelCatalog')}
        </p>
        <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t('catalog.title')}</h1>
        <p className="max-w-3xl text-base text-muted-foreground">{t('catalog.subtitle')}</p>
      </header>

      <CapabilityStrip data={caps.data} error={caps.error} isFetching={caps.isFetching} onRefresh={() => void caps.refetch()} />

      <DownloadedModelsBlock />
      <Suspense fallback={null}>
        <HubSearchBlock />
      </Suspense>
      <Toaster />
    </div>
  )
}
