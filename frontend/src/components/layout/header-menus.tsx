import { useRef } from 'react'
import { Check, LibraryBig, Loader2, LogOut, ScrollText, Server } from 'lucide-react'
import { Link, useLocation, useSearchParams } from 'wouter'
import { useEarlyPress, type MenuBodyProps } from '@/components/ui/deferred-menu'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { RoleBadge } from '@/features/auth/role-badge'
import { RoleGate } from '@/features/auth/role-gate'
import { useSignOut } from '@/features/auth/use-auth-actions'
import { useSession } from '@/features/auth/use-session'
import { useI18n } from '@/i18n'
import { NODES_PATH, ROUTES, readCatalogView } from '@/routes'
import { THEME_CHOICES, THEME_LOOK, useTheme } from './theme'

// The header's menus, loaded in their own chunk right after the first render (see DeferredMenu): the triggers are in
// more-menu.tsx, theme-switch.tsx and user-menu.tsx.

export function MoreMenuBody(props: MenuBodyProps) {
  const { t } = useI18n()
  const [location] = useLocation()
  const [params] = useSearchParams()
  const nodesView = location === ROUTES.modelCatalog && readCatalogView(params) === 'nodes'
  const onCatalog = location === ROUTES.modelCatalog && !nodesView
  const onAudit = location === ROUTES.audit
  const { triggerRef, contentRef } = useEarlyPress(props)
  // After choosing a page, focus goes to the new page's content instead of back to the trigger.
  const navigated = useRef(false)
  const chosen = () => (navigated.current = true)

  return (
    <DropdownMenu defaultOpen={props.early != null}>
      <DropdownMenuTrigger asChild ref={triggerRef}>
        {props.trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent
        ref={contentRef}
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
        <DropdownMenuItem asChild onSelect={chosen}>
          <Link href={NODES_PATH} aria-current={nodesView ? 'page' : undefined}>
            <Server aria-hidden />
            <span className="flex flex-col">
              <span className="font-medium">{t('nav.nodes')}</span>
              <span className="text-xs text-muted-foreground">{t('nav.nodesHint')}</span>
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

export function ThemeMenuBody(props: MenuBodyProps) {
  const { t } = useI18n()
  const [choice, setChoice] = useTheme()
  const { triggerRef, contentRef } = useEarlyPress(props)
  return (
    <DropdownMenu defaultOpen={props.early != null}>
      <DropdownMenuTrigger asChild ref={triggerRef}>
        {props.trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent ref={contentRef} align="end" className="min-w-44">
        <DropdownMenuLabel>{t('theme.label')}</DropdownMenuLabel>
        <DropdownMenuGroup>
          {THEME_CHOICES.map((option) => {
            const { Icon: OptionIcon, name } = THEME_LOOK[option]
            const checked = option === choice
            // a radio choice in a menu (Radix's plain item, re-roled: lighter than its radio group)
            return (
              <DropdownMenuItem key={option} role="menuitemradio" aria-checked={checked} onSelect={() => setChoice(option)}>
                <OptionIcon aria-hidden />
                <span className={checked ? 'font-medium' : undefined}>{t(name)}</span>
                {checked && <Check className="ml-auto !text-primary" aria-hidden />}
              </DropdownMenuItem>
            )
          })}
        </DropdownMenuGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}

export function UserMenuBody(props: MenuBodyProps) {
  const { t } = useI18n()
  const session = useSession()
  const signOut = useSignOut()
  const { triggerRef, contentRef } = useEarlyPress(props)
  if (!session) return null
  const { user } = session
  const name = user.display_name?.trim() || user.username
  return (
    <DropdownMenu defaultOpen={props.early != null}>
      <DropdownMenuTrigger asChild ref={triggerRef}>
        {props.trigger}
      </DropdownMenuTrigger>
      <DropdownMenuContent ref={contentRef} align="end" className="w-64">
        <DropdownMenuLabel>{t('auth.signedInAs')}</DropdownMenuLabel>
        <div className="space-y-1.5 px-3 pb-2" data-testid="user-menu-identity">
          <p className="truncate text-sm font-semibold text-foreground">{name}</p>
          {name !== user.username && <p className="truncate font-mono text-xs text-muted-foreground">{user.username}</p>}
          <p className="flex items-center gap-2 text-xs text-muted-foreground">
            {t('auth.role')}: <RoleBadge role={user.role} />
          </p>
        </div>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signOut.isPending}
          onSelect={(event) => {
            event.preventDefault()
            signOut.mutate()
          }}
        >
          {signOut.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <LogOut aria-hidden />}
          {signOut.isPending ? t('auth.signingOut') : t('auth.signOut')}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
