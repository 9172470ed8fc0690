import { useState, type ReactNode } from 'react'
import { AlertTriangle, RefreshCw } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
import { ApiError } from '@/lib/api'
import { errorText } from '@/lib/error-text'
import { useCountdown } from '@/lib/use-countdown'

/** The request id of an API error, ready to copy into a support ticket. */
export function RequestIdLine({ requestId }: { requestId: string | null | undefined }) {
  const { t } = useI18n()
  if (!requestId) return null
  return (
    <p className="mt-1">
      {t('common.requestId')}:{' '}
      <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-[0.8125rem] break-all text-foreground select-all">
        {requestId}
      </code>
    </p>
  )
}

/** Answers that say "not now, in N seconds": a hub rate-limiting us, or our own per-user hub budget. */
function waitSecondsOf(error: unknown): number | null {
  if (!(error instanceof ApiError)) return null
  if (error.code === 'hub_rate_limited') return error.retryAfterSeconds ?? 30
  if (error.code === 'too_many_requests') return error.retryAfterSeconds ?? 60
  return null
}

/**
 * The one way the page shows a failed call: a title, what went wrong in the reader's language (from the error's code,
 * never the service's English message), its request id and, when given, a retry. For "try again in N s" answers the
 * retry waits for a live countdown. Remount it (a `key`) for each new error.
 */
export function ApiErrorAlert({
  title,
  error,
  onRetry,
  className,
  testId,
  children,
}: {
  title: string
  error: unknown
  onRetry?: () => void
  className?: string
  testId?: string
  children?: ReactNode
}) {
  const { t } = useI18n()
  const wait = waitSecondsOf(error)
  const [until] = useState(() => (wait == null ? null : Date.now() + wait * 1000))
  const left = useCountdown(until)
  const requestId = error instanceof ApiError ? error.requestId : null
  const sessionEnded = error instanceof ApiError && error.isSessionEnded
  return (
    <Alert
      role="alert"
      tone={wait != null ? 'warning' : 'danger'}
      icon={<AlertTriangle aria-hidden />}
      title={title}
      className={className}
      data-testid={testId}
      data-error-code={error instanceof ApiError ? error.code : undefined}
    >
      <p className="break-words text-foreground">{errorText(t, error)}</p>
      {until != null && (
        <p className="mt-1 font-medium text-foreground" data-testid="retry-countdown">
          {left > 0 ? t('common.tryAgainIn', { seconds: left }) : t('common.tryAgainNow')}
        </p>
      )}
      <RequestIdLine requestId={requestId} />
      {children}
      {onRetry && !sessionEnded && (
        <Button
          variant="outline"
          size="sm"
          className="mt-3"
          onClick={onRetry}
          disabled={left > 0}
          disabledReason={left > 0 ? t('common.tryAgainIn', { seconds: left }) : undefined}
        >
          <RefreshCw aria-hidden />
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
