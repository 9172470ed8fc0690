import type { ReactNode } from 'react'
import { AlertTriangle, RefreshCw } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
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
  const message = error instanceof Error ? error.message : String(error)
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
