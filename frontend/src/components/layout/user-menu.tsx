import { lazy } from 'react'
import { LogIn } from 'lucide-react'
import { Link, useLocation } from 'wouter'
import { buttonClasses } from '@/components/ui/button'
import { DeferredMenu } from '@/components/ui/deferred-menu'
import { RoleBadge } from '@/features/auth/role-badge'
import { useCurrentPath } from '@/features/auth/session-guard'
import { useSession } from '@/features/auth/use-session'
import { useI18n } from '@/i18n'
import { ROUTES, signInPath } from '@/routes'

const Body = lazy(() => import('./header-menus').then((m) => ({ default: m.UserMenuBody })))

/** Top-bar account control: who is signed in, with which role, and Sign out; a Sign in link otherwise. */
export function UserMenu() {
  const { t } = useI18n()
  const session = useSession()
  const [location] = useLocation()
  const current = useCurrentPath()

  if (!session) {
    if (location === ROUTES.signIn) return null
    const next = location === ROUTES.home ? undefined : current
    return (
      <Link href={signInPath(next)} className={buttonClasses('outline', 'sm')}>
        <LogIn aria-hidden />
        {t('auth.signIn')}
      </Link>
    )
  }

  const { user } = session
  const name = user.display_name?.trim() || user.username
  const trigger = (
    <button
      type="button"
      className="inline-flex h-9 min-w-0 shrink-0 items-center gap-2 rounded-md px-1.5 text-sm font-medium hover:bg-accent data-[state=open]:bg-accent sm:px-2"
      data-testid="user-menu"
    >
      {/* no aria-label: the name is the visible text itself (plus a spoken prefix), so what a speech user reads
          on the button is what selects it; the parts hidden on small screens stay in the name */}
      <span className="sr-only">{t('auth.userMenuPrefix')}</span>
      {/* the initial is drawn by CSS, so the visible text is exactly what the accessible name repeats */}
      <span
        className="rim-light inline-flex size-7 shrink-0 items-center justify-center rounded-full bg-primary text-xs font-semibold text-primary-foreground uppercase before:content-[attr(data-initial)]"
        data-initial={name.slice(0, 1)}
        aria-hidden
      />
      {/* the whole name from lg up (up to 20 rem: only an unusually long one is cut, and the menu shows it whole) */}
      <span className="sr-only lg:not-sr-only lg:max-w-80 lg:truncate">{name}</span>{' '}
      <span className="sr-only sm:not-sr-only sm:inline-flex">
        <RoleBadge role={user.role} />
      </span>
    </button>
  )
  return <DeferredMenu body={Body} trigger={trigger} />
}
