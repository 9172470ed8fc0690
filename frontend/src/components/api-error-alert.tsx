import type { ReactNode } from 'react'
import { AlertTriangle, RefreshCw } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useI18n, type MessageKey, type Translate } from '@/i18n'
import { ApiError } from '@/lib/api'

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

/** Codes the page words itself, in the reader's language; every other error shows the API's own message. */
const WORDED_CODES: Partial<Record<string, MessageKey>> = {
  invalid_credentials: 'auth.err.invalid_credentials',
  account_disabled: 'auth.err.account_disabled',
  nebula_role_unknown: 'auth.err.nebula_role_unknown',
  nebula_unavailable: 'auth.err.nebula_unavailable',
}

/** What to tell the reader about an error: our wording for the codes we know, else the API's message. */
export function errorText(t: Translate, error: unknown): string {
  if (error instanceof ApiError) {
    const key = WORDED_CODES[error.code]
    // nebula_unavailable also names plain outages, which keep their own message; ours is for the sign-in check
    const signInCheck = error.code !== 'nebula_unavailable' || error.details?.['nebula_code'] === 'auth_backend_unavailable'
    if (key && signInCheck) return t(key)
  }
  return error instanceof Error ? error.message : String(error)
}

/** An error from our API as the page shows it everywhere: a title, the API's message, its request id, maybe a retry. */
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
  const message = errorText(t, error)
  const requestId = error instanceof ApiError ? error.requestId : null
  return (
    <Alert role="alert" tone="danger" icon={<AlertTriangle aria-hidden />} title={title} className={className} data-testid={testId}>
      <p className="break-words text-foreground">{message}</p>
      <RequestIdLine requestId={requestId} />
      {children}
      {onRetry && (
        <Button variant="outline" size="sm" className="mt-3" onClick={onRetry}>
          <RefreshCw aria-hidden />
          {t('common.retry')}
        </Button>
      )}
    </Alert>
  )
}
