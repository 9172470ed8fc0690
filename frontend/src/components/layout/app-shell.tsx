import type { ReactNode } from 'react'
import { Activity } from 'lucide-react'
import { Link } from 'wouter'
import { useI18n } from '@/i18n'
import { nebulaModelsUrl, useNebulaUiUrl } from '@/features/capabilities/use-capabilities'
import { ROUTES } from '@/routes'
import { LanguageSwitch } from './language-switch'
import { MoreMenu } from './more-menu'
import { navItemClasses } from './nav-item'
import { ThemeSwitch } from './theme-switch'
import { UserMenu } from './user-menu'

/** Top bar (product name, Nebula's Models link when configured, More menu, language, theme, account) and the main area. */
export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useI18n()
  const nebulaUi = useNebulaUiUrl()

  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only z-50 rounded-lg bg-card px-4 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:top-2 focus:left-2"
      >
        {t('app.skipToContent')}
      </a>
      <header className="glass sticky top-0 z-40 border-b">
        <div className="mx-auto flex h-14 max-w-7xl items-center gap-2 px-3 sm:gap-4 sm:px-6">
          <Link
            href={ROUTES.home}
            className="flex shrink-0 items-center gap-2.5 rounded-md px-1 py-1 text-foreground"
          >
            {/* Nebula's own mark: a teal tile with the pulse */}
            <span className="rim-light inline-flex size-7 items-center justify-center rounded-md bg-primary text-primary-foreground" aria-hidden>
              <Activity className="size-4" />
            </span>
            {/* Below sm the mark alone keeps the top bar on one line; the name stays for assistive tech. */}
            <span className="sr-only font-mono text-lg font-bold tracking-tight uppercase sm:not-sr-only">{t('app.name')}</span>
          </Link>
          <span className="hidden h-6 w-px bg-border sm:block" aria-hidden />
          <nav aria-label={t('nav.label')} className="flex min-w-0 items-center gap-0.5 sm:gap-1">
            {/* Nebula's own Models page, when the service knows where Nebula's UI is */}
            {nebulaUi && (
              <a href={nebulaModelsUrl(nebulaUi)} className={navItemClasses(false)}>
                {t('nav.models')}
              </a>
            )}
            <MoreMenu />
          </nav>
          <div className="ml-auto flex min-w-0 items-center gap-1 sm:gap-2">
            <LanguageSwitch />
            <ThemeSwitch />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1} className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 outline-none sm:px-6 sm:py-8">
        {children}
      </main>
    </div>
  )
}
