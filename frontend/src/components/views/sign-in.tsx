import { useEffect, useId, useMemo, useState, type FormEvent } from 'react'
import { Eye, EyeOff, FlaskConical, Info, Loader2, LogIn, Timer } from 'lucide-react'
import { Redirect, useSearchParams } from 'wouter'
import { ApiErrorAlert, RequestIdLine } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Input, Label } from '@/components/ui/input'
import { usePublicCapabilities } from '@/features/capabilities/use-capabilities'
import { useSignIn } from '@/features/auth/use-auth-actions'
import { useCountdown } from '@/lib/use-countdown'
import { useSession } from '@/features/auth/use-session'
import { useI18n } from '@/i18n'
import { ApiError } from '@/lib/api'
import { sessionStore } from '@/lib/auth-token'
import { safeNext } from '@/routes'

const DEMO_ACCOUNTS = [
  { username: 'admin', password: 'admin123' },
  { username: 'operator', password: 'operator123' },
  { username: 'viewer', password: 'viewer123' },
] as const

/** Sign-in with a Nebula account. After success the user goes to `?next=` (a path inside the app) or the catalog. */
export function SignInView() {
  const { t } = useI18n()
  const session = useSession()
  const [params] = useSearchParams()
  const next = safeNext(params.get('next'))
  const caps = usePublicCapabilities()
  const signIn = useSignIn()
  const [username, setUsername] = useState('')
  const [password, setPassword] = useState('')
  const [showPassword, setShowPassword] = useState(false)
  const [endReason] = useState(() => sessionStore.endReason())
  const ids = { user: useId(), password: useId(), title: useId() }

  useEffect(() => {
    document.title = `${t('auth.signIn')} · ${t('app.name')}`
  }, [t])

  const error = signIn.error
  const retryDeadline = useMemo(
    () => (error instanceof ApiError && error.status === 429 ? Date.now() + (error.retryAfterSeconds ?? 0) * 1000 : null),
    [error],
  )
  const waitSeconds = useCountdown(retryDeadline)

  if (session) return <Redirect to={next} replace />

  const submitting = signIn.isPending
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    if (submitting || waitSeconds > 0) return
    signIn.mutate({ username: username.trim(), password })
  }

  return (
    <div className="mx-auto w-full max-w-md space-y-4 sm:pt-6">
      <Card aria-labelledby={ids.title} className="px-5 py-6 sm:px-8 sm:py-8">
        <span className="mb-4 inline-flex size-11 items-center justify-center rounded-xl bg-muted">
          <LogIn className="size-5" aria-hidden />
        </span>
        <h1 id={ids.title} className="text-2xl font-bold tracking-tight">
          {t('auth.title')}
        </h1>
        <p className="mt-1.5 text-sm text-muted-foreground">{t('auth.subtitle')}</p>

        {endReason && !error && (
          <Alert
            className="mt-5"
            role="status"
            tone="info"
            icon={<Info aria-hidden />}
            title={endReason === 'expired' ? t('auth.expiredTitle') : t('auth.signedOut')}
          >
            {endReason === 'expired' ? t('auth.expiredBody') : null}
          </Alert>
        )}

        {error != null &&
          (error instanceof ApiError && error.status === 429 ? (
            <Alert className="mt-5" role="alert" tone="warning" icon={<Timer aria-hidden />} title={t('auth.tooManyTitle')} data-testid="sign-in-error">
              <p className="text-foreground">
                {waitSeconds > 0 ? t('common.tryAgainIn', { seconds: waitSeconds }) : t('common.tryAgainNow')}
              </p>
              <RequestIdLine requestId={error.requestId} />
            </Alert>
          ) : (
            <ApiErrorAlert className="mt-5" title={t('auth.failedTitle')} error={error} testId="sign-in-error" />
          ))}

        <form className="mt-6 space-y-4" onSubmit={onSubmit} aria-busy={submitting}>
          <div className="grid gap-1.5">
            <Label htmlFor={ids.user}>{t('auth.username')}</Label>
            <Input
              id={ids.user}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              required
              maxLength={128}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              aria-invalid={error instanceof ApiError && error.status === 401 ? true : undefined}
            />
          </div>
          <div className="grid gap-1.5">
            <Label htmlFor={ids.password}>{t('auth.password')}</Label>
            <div className="relative">
              <Input
                id={ids.password}
                name="password"
                type={showPassword ? 'text' : 'password'}
                autoComplete="current-password"
                required
                maxLength={1024}
                className="pr-11"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                aria-invalid={error instanceof ApiError && error.status === 401 ? true : undefined}
              />
              <button
                type="button"
                className="absolute top-1/2 right-1 inline-flex size-8 -translate-y-1/2 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
                aria-label={showPassword ? t('auth.hidePassword') : t('auth.showPassword')}
                aria-pressed={showPassword}
                onClick={() => setShowPassword((v) => !v)}
              >
                {showPassword ? <EyeOff className="size-4" aria-hidden /> : <Eye className="size-4" aria-hidden />}
              </button>
            </div>
          </div>
          <Button type="submit" className="w-full" disabled={submitting || waitSeconds > 0}>
            {submitting ? <Loader2 className="animate-spin" aria-hidden /> : <LogIn aria-hidden />}
            {submitting ? t('auth.signingIn') : t('auth.signIn')}
          </Button>
        </form>
      </Card>

      {caps.data?.nebula.simulated && (
        <Alert tone="info" icon={<FlaskConical aria-hidden />} title={t('auth.demoTitle')} data-testid="demo-accounts">
          <p>{t('auth.demoBody')}</p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {DEMO_ACCOUNTS.map((account) => (
              <Button
                key={account.username}
                variant="outline"
                size="sm"
                onClick={() => {
                  setUsername(account.username)
                  setPassword(account.password)
                }}
              >
                {t('auth.useAccount', { username: account.username })}
              </Button>
            ))}
          </div>
        </Alert>
      )}
    </div>
  )
}
