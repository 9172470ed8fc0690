import { useRef } from 'react'
import { ChevronDown, LibraryBig, ScrollText } from 'lucide-react'
import { Link, useLocation } from 'wouter'
import { useI18n } from '@/i18n'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { RoleGate } from '@/features/auth/role-gate'
import { navItemClasses } from './nav-item'
import { ROUTES } from '@/routes'

/** The "More" menu of the top bar: pages that sit beside Nebula's main ones. Fully keyboard operable (Radix). */
export function MoreMenu() {
  const { t } = useI18n()
  const [location] = useLocation()
  const onCatalog = location === ROUTES.modelCatalog
  const onAudit = location === ROUTES.audit
  // After choosing a page, focus goes to the new page's content instead of back to the trigger.
  const navigated = useRef(false)
  const chosen = () => (navigated.current = true)

  return (
    <DropdownMenu>
      <DropdownMenuTrigger className={navItemClasses(onCatalog || onAudit, onCatalog || onAudit ? undefined : 'data-[state=open]:bg-accent')}>
        {t('nav.more')}
        <ChevronDown className="size-4 opacity-80" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent
        align="start"
        aria-label={t('nav.moreMenuLabel')}
        onCloseAutoFocus={(event) => {
          if (!navigated.current) return
          navigated.current = false
          event.preventDefault()
          document.getElementById('main')?.focus({ preventScroll: true })
        }}
      >
        <DropdownMenuItem asChild onSelect={chosen}>
          <Link href={ROUTES.modelCatalog} aria-current={onCatalog ? 'page' : undefined}>
            <LibraryBig aria-hidden />
            <span className="flex flex-col">
              <span className="font-medium">{t('nav.modelCatalog')}</span>
              <span className="text-xs text-muted-foreground">{t('nav.modelCatalogHint')}</span>
            </span>
          </Link>
        </DropdownMenuItem>
        <RoleGate need="admin" mode="hide">
          <DropdownMenuItem asChild onSelect={chosen}>
            <Link href={ROUTES.audit} aria-current={onAudit ? 'page' : undefined}>
              <ScrollText aria-hidden />
              <span className="flex flex-col">
                <span className="font-medium">{t('nav.audit')}</span>
                <span className="text-xs text-muted-foreground">{t('nav.auditHint')}</span>
              </span>
            </Link>
          </DropdownMenuItem>
        </RoleGate>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
