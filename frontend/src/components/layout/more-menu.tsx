import { lazy } from 'react'
import { ChevronDown } from 'lucide-react'
import { useLocation } from 'wouter'
import { DeferredMenu } from '@/components/ui/deferred-menu'
import { useI18n } from '@/i18n'
import { ROUTES } from '@/routes'
import { navItemClasses } from './nav-item'

const Body = lazy(() => import('./header-menus').then((m) => ({ default: m.MoreMenuBody })))

/** The "More" menu of the top bar: pages that sit beside Nebula's main ones. Fully keyboard operable (Radix). */
export function MoreMenu() {
  const { t } = useI18n()
  const [location] = useLocation()
  const here = location === ROUTES.modelCatalog || location === ROUTES.audit
  const trigger = (
    <button type="button" className={navItemClasses(here, here ? undefined : 'data-[state=open]:bg-accent')}>
      {t('nav.more')}
      <ChevronDown className="size-4 opacity-80" aria-hidden />
    </button>
  )
  return <DeferredMenu body={Body} trigger={trigger} />
}
