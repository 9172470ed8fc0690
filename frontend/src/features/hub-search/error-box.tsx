import { useEffect, useState } from 'react'
import { AlertTriangle, RefreshCw } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
import { ApiError } from '@/lib/api'

/** Seconds left until `until` (epoch ms), ticking once a second; 0 when past. */
function useCountdown(until: number | null): number {
  const [now, setNow] = useState(() => Date.now())
  useEffect(() => {
    if (until == null) return
    const timer = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(timer)
  }, [until])
  return until == null ? 0 : Math.max(0, Math.ceil((until - now) / 1000))
}

/**
 * An API error as the operator needs it: the service's message and request id; for a rate-limited hub
 * (503 hub_rate_limited) a live "try again in N s" and a retry button that waits for it.
 */
export function HubErrorBox({
  error,
  title,
  onRetry,
  className,
  testId,
}: {
  error: unknown
  title: string
  onRetry?: () => void
  className?: string
  testId?: string
}) {
  const { t } = useI18n()
  const rateLimited = error instanceof ApiError && error.code === 'hub_rate_limited'
  const retryAfter = error instanceof ApiError ? error.retryAfterSeconds : null
  const [until] = useState(() => (rateLimited ? Date.now() + (retryAfter ?? 30) * 1000 : null))
  const left = useCountdown(until)
  const message = error instanceof Error ? error.message : String(error)
  const requestId = error instanceof ApiError ? error.requestId : null
  const unauthenticated = error instanceof ApiError && error.status === 401

  return (
    <Alert
      role="alert"
      tone={rateLimited ? 'warning' : 'danger'}
      icon={<AlertTriangle aria-hidden />}
      title={rateLimited ? t('hs.rateLimitedTitle') : unauthenticated ? t('hs.signInNeeded') : title}
      className={className}
      data-testid={testId}
    >
      <p className="break-words text-foreground">{message}</p>
      {rateLimited && (
        <p className="mt-1 font-medium text-foreground" data-testid="retry-countdown">
          {left > 0 ? t('hs.tryAgainIn', { seconds: left }) : t('hs.tryAgainNow')}
        </p>
      )}
      {requestId && (
        <p className="mt-1">
          {t('common.requestId')}:{' '}
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-[0.8125rem] text-foreground select-all">{requestId}</code>
        </p>
      )}
      {onRetry && !unauthenticated && (
        <Button variant="outline" size="sm" className="mt-3" onClick={onRetry} disabled={left > 0}>
          <RefreshCw aria-hidden />
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
