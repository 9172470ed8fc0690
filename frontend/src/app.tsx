import { lazy, Suspense } from 'react'
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { Route, Router, Switch, type BaseLocationHook } from 'wouter'
import { AppShell } from '@/components/layout/app-shell'
import { TooltipProvider } from '@/components/ui/tooltip'
import { HomeView } from '@/components/views/home'
import { ModelCatalogView } from '@/components/views/model-catalog'
import { NotFoundView } from '@/components/views/not-found'
import { RequireAuth } from '@/features/auth/require-auth'
import { SessionGuard } from '@/features/auth/session-guard'
import { I18nProvider, type Lang } from '@/i18n'
import { ROUTES } from '@/routes'

// Admins only, and rarely: the audit view loads on first visit.
const AuditView = lazy(() => import('@/components/views/audit').then((m) => ({ default: m.AuditView })))
// Seen once per session at most: the sign-in form loads when needed.
const SignInView = lazy(() => import('@/components/views/sign-in').then((m) => ({ default: m.SignInView })))

export interface AppProps {
  queryClient: QueryClient
  /** Fixes the language (tests); otherwise the saved choice or the browser's. */
  lang?: Lang
  /** Location hook for tests (e.g. wouter's memoryLocation); the browser's address bar otherwise. */
  locationHook?: BaseLocationHook
}

export function App({ queryClient, lang, locationHook }: AppProps) {
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={lang}>
        <TooltipProvider delayDuration={300}>
          <Router hook={locationHook}>
            <SessionGuard />
            <AppShell>
              <Switch>
                <Route path={ROUTES.home} component={HomeView} />
                <Route path={ROUTES.signIn}>
                  <Suspense fallback={null}>
                    <SignInView />
                  </Suspense>
                </Route>
                <Route path={ROUTES.modelCatalog}>
                  <RequireAuth>
                    <ModelCatalogView />
                  </RequireAuth>
                </Route>
                <Route path={ROUTES.audit}>
                  <Suspense fallback={null}>
                    <AuditView />
                  </Suspense>
                </Route>
                <Route component={NotFoundView} />
              </Switch>
            </AppShell>
          </Router>
        </TooltipProvider>
      </I18nProvider>
    </QueryClientProvider>
  )
}
