import { lazy, Suspense, useEffect } from 'react'
import { HardDrive, Server } from 'lucide-react'
import { useSearchParams } from 'wouter'
import { Tabs, tabPanelProps } from '@/components/ui/tabs'
import { Toaster } from '@/components/ui/toaster'
import { CapabilityStrip } from '@/features/capabilities/capability-strip'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { DownloadedModelsBlock } from '@/features/downloaded-models/downloaded-models-block'
import { useI18n } from '@/i18n'
import { CATALOG_VIEW_PARAM, readCatalogView, type CatalogView } from '@/routes'

// Block B sits below block A and needs nothing at first paint: its code (search, results, pager) loads beside block A's
// first list request instead of in front of it, which keeps the first load within the page's JavaScript budget.
const HubSearchBlock = lazy(() => import('@/features/hub-search/hub-search-block').then((m) => ({ default: m.HubSearchBlock })))
// The nodes view is its own tab: its code loads when it is first shown.
const NodesBlock = lazy(() => import('@/features/nodes/nodes-block').then((m) => ({ default: m.NodesBlock })))

const TABS_ID = 'catalog-view'

/**
 * The Model Catalog page: service status (one line), then two views in tabs — the models (block A, downloaded models,
 * and block B, hub search) and the nodes and their disks (what is where, and what is safe to reclaim). The view is in
 * the address (`?view=nodes`), so it can be linked to and survives a reload; only the view shown asks the server.
 */
export function ModelCatalogView() {
  const { t } = useI18n()
  const caps = useCapabilities()
  const [params, setParams] = useSearchParams()
  const view = readCatalogView(params)

  useEffect(() => {
    document.title = `${t(view === 'nodes' ? 'catalog.tab.nodes' : 'catalog.title')} · ${t('app.name')}`
  }, [t, view])

  const show = (next: CatalogView) =>
    setParams((prev) => {
      const copy = new URLSearchParams(prev)
      if (next === 'models') copy.delete(CATALOG_VIEW_PARAM)
      else copy.set(CATALOG_VIEW_PARAM, next)
      return copy
    })

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

      <div className="space-y-6">
        <Tabs
          label={t('catalog.tabsLabel')}
          idBase={TABS_ID}
          value={view}
          onChange={show}
          items={[
            { value: 'models', label: t('catalog.tab.models'), icon: <HardDrive aria-hidden /> },
            { value: 'nodes', label: t('catalog.tab.nodes'), icon: <Server aria-hidden /> },
          ]}
        />
        <div {...tabPanelProps(TABS_ID, view)} className="space-y-6 outline-none">
          {view === 'nodes' ? (
            <Suspense fallback={null}>
              <NodesBlock />
            </Suspense>
          ) : (
            <>
              <DownloadedModelsBlock />
              <Suspense fallback={null}>
                <HubSearchBlock />
              </Suspense>
            </>
          )}
        </div>
      </div>
      <Toaster />
    </div>
  )
}
