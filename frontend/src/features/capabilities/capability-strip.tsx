import type { ReactNode } from 'react'
import { Boxes, CheckCircle2, Database, Globe, Info, KeyRound, Loader2, RefreshCw, Server, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { Skeleton } from '@/components/ui/skeleton'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useI18n } from '@/i18n'
import type { Capabilities, HubCapability } from '@/lib/types'

interface CapabilityStripProps {
  data: Capabilities | undefined
  error: unknown
  isPending: boolean
  isFetching: boolean
  onRefresh: () => void
}

/** The service's status in one strip: version, database, Nebula and each model hub. */
export function CapabilityStrip({ data, error, isPending, isFetching, onRefresh }: CapabilityStripProps) {
  const { t } = useI18n()
  const headingId = 'capabilities-heading'

  return (
    <Card aria-labelledby={headingId} data-testid="capability-strip" aria-busy={isFetching}>
      <div className="flex items-center justify-between gap-3 px-5 pt-4 sm:px-6">
        <h2 id={headingId} className="text-base font-bold">
          {t('caps.title')}
        </h2>
        <Button variant="outline" size="sm" onClick={onRefresh} disabled={isFetching}>
          {isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          {isFetching ? t('caps.refreshing') : t('caps.refresh')}
        </Button>
      </div>
      <div className="px-5 pt-3 pb-5 sm:px-6">
        {data ? (
          <>
            {error != null && <CapabilityError error={error} onRetry={onRefresh} className="mb-3" />}
            <CapabilityTiles caps={data} />
          </>
        ) : isPending && error == null ? (
          <CapabilityLoading />
        ) : (
          <CapabilityError error={error} onRetry={onRefresh} />
        )}
      </div>
    </Card>
  )
}

function CapabilityLoading() {
  const { t } = useI18n()
  return (
    <div role="status" className="space-y-3">
      <p className="flex items-center gap-2 text-sm text-muted-foreground">
        <Loader2 className="size-4 animate-spin" aria-hidden />
        {t('caps.loading')}
      </p>
      <div className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    </div>
  )
}

function CapabilityError({ error, onRetry, className }: { error: unknown; onRetry: () => void; className?: string }) {
  const { t } = useI18n()
  return (
    <ApiErrorAlert title={t('caps.errorTitle')} error={error} onRetry={onRetry} className={className} testId="capability-error" />
  )
}

function CapabilityTiles({ caps }: { caps: Capabilities }) {
  const { t } = useI18n()
  return (
    <ul className="grid gap-3 sm:grid-cols-2 xl:grid-cols-5">
      <Tile icon={<Server aria-hidden />} label={t('caps.service')} testId="cap-service">
        <p className="truncate font-mono text-sm" title={caps.service}>
          {caps.service}
        </p>
        <p className="text-sm text-muted-foreground">{t('caps.version', { version: caps.version })}</p>
      </Tile>

      <Tile
        icon={<Database aria-hidden />}
        label={t('caps.database')}
        status={<Reachability ok={caps.database.reachable} />}
        testId="cap-database"
      >
        {caps.database.error && <ErrorText text={caps.database.error} />}
      </Tile>

      <Tile
        icon={<Boxes aria-hidden />}
        label={t('caps.nebula')}
        status={
          <>
            <Reachability ok={caps.nebula.reachable} />
            <Badge tone={caps.nebula.configured ? 'neutral' : 'warning'}>
              {caps.nebula.configured ? t('caps.configured') : t('caps.notConfigured')}
            </Badge>
            {caps.nebula.simulated && <Badge tone="info">{t('caps.simulatedShort')}</Badge>}
          </>
        }
        testId="cap-nebula"
      >
        <HostLine host={caps.nebula.url_host} />
        {caps.nebula.error && <ErrorText text={caps.nebula.error} />}
      </Tile>

      {caps.hubs.length === 0 ? (
        <li className="rounded-lg border border-dashed p-3 text-sm text-muted-foreground sm:col-span-2">{t('caps.noHubs')}</li>
      ) : (
        caps.hubs.map((hub) => <HubTile key={hub.provider} hub={hub} />)
      )}
    </ul>
  )
}

function HubTile({ hub }: { hub: HubCapability }) {
  const { t } = useI18n()
  return (
    <Tile
      icon={<Globe aria-hidden />}
      label={t(`provider.${hub.provider}`)}
      status={
        <>
          <Badge tone={hub.enabled ? 'success' : 'neutral'}>
            {hub.enabled ? <CheckCircle2 className="size-3.5" aria-hidden /> : <XCircle className="size-3.5" aria-hidden />}
            {hub.enabled ? t('caps.enabled') : t('caps.disabled')}
          </Badge>
          <span className="inline-flex items-center gap-0.5">
            <Badge tone="neutral">
              <KeyRound className="size-3.5" aria-hidden />
              {hub.token_configured ? t('caps.tokenConfigured') : t('caps.tokenMissing')}
            </Badge>
            <Tooltip>
              <TooltipTrigger
                className="inline-flex size-6 items-center justify-center rounded-md text-muted-foreground hover:bg-accent hover:text-foreground"
                aria-label={t('caps.tokenHintLabel')}
              >
                <Info className="size-4" aria-hidden />
              </TooltipTrigger>
              <TooltipContent>{t('caps.tokenHint')}</TooltipContent>
            </Tooltip>
          </span>
        </>
      }
      testId={`cap-hub-${hub.provider}`}
    >
      <HostLine host={hub.base_url_host} />
    </Tile>
  )
}

function Tile({
  icon,
  label,
  status,
  testId,
  children,
}: {
  icon: ReactNode
  label: string
  status?: ReactNode
  testId: string
  children?: ReactNode
}) {
  return (
    <li className="flex min-w-0 flex-col gap-2 rounded-lg border bg-muted/40 p-3" data-testid={testId}>
      <h3 className="flex min-w-0 items-center gap-2 text-sm font-semibold [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground">
        {icon}
        <span className="truncate">{label}</span>
      </h3>
      {status && <div className="flex flex-wrap gap-1.5">{status}</div>}
      {children}
    </li>
  )
}

function Reachability({ ok }: { ok: boolean }) {
  const { t } = useI18n()
  return (
    <Badge tone={ok ? 'success' : 'danger'}>
      {ok ? <CheckCircle2 className="size-3.5" aria-hidden /> : <XCircle className="size-3.5" aria-hidden />}
      {ok ? t('caps.reachable') : t('caps.unreachable')}
    </Badge>
  )
}

function HostLine({ host }: { host: string | null | undefined }) {
  const { t } = useI18n()
  return (
    <p className="flex min-w-0 items-baseline gap-1.5 text-sm">
      <span className="shrink-0 text-muted-foreground">{t('caps.host')}:</span>
      {host ? (
        <span className="truncate font-mono" title={host}>
          {host}
        </span>
      ) : (
        <span className="text-muted-foreground">{t('caps.noHost')}</span>
      )}
    </p>
  )
}

function ErrorText({ text }: { text: string }) {
  return <p className="text-sm break-words text-destructive">{text}</p>
}
