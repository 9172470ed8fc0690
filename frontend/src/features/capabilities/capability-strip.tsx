import type { ReactNode } from 'react'
import { AlertTriangle, CheckCircle2, CircleDashed, CloudOff, FlaskConical, Loader2, PauseCircle, RefreshCw, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { useI18n, type MessageKey } from '@/i18n'
import { hubFailureText, isRefusal } from '@/lib/error-text'
import { cn } from '@/lib/utils'
import type { Capabilities, HubCapability } from '@/lib/types'

interface CapabilityStripProps {
  data: Capabilities | undefined
  error: unknown
  isFetching: boolean
  onRefresh: () => void
}

type Health = 'ok' | 'refusing' | 'down' | 'paused' | 'unknown' | 'off'

const LOOK: Record<Health, { Icon: typeof CheckCircle2; text: string; word: MessageKey }> = {
  ok: { Icon: CheckCircle2, text: 'text-success', word: 'caps.reachable' },
  refusing: { Icon: AlertTriangle, text: 'text-warning', word: 'caps.refusing' },
  down: { Icon: XCircle, text: 'text-destructive', word: 'caps.unreachable' },
  paused: { Icon: PauseCircle, text: 'text-warning', word: 'caps.paused' },
  unknown: { Icon: CircleDashed, text: 'text-muted-foreground', word: 'caps.notChecked' },
  off: { Icon: CircleDashed, text: 'text-muted-foreground', word: 'caps.disabled' },
}

/** A hub's health as the status line shows it (the same reading block B uses to offer or withhold search). */
export function hubHealth(hub: HubCapability): Health {
  if (!hub.enabled) return 'off'
  if (hub.circuit === 'open') return 'paused'
  if (hub.reachable === false) return isRefusal(hub.last_failure_reason) ? 'refusing' : 'down'
  return hub.reachable ? 'ok' : 'unknown'
}

/**
 * The service's status in one line above block A: database, Nebula and each hub, each with a word, not only a colour.
 * It reads what block A and block B read (Nebula unreachable while block A is stale, a hub unreachable before anyone
 * searched), so it never contradicts them; whatever is down gets one sentence below saying what that means.
 */
export function CapabilityStrip({ data, error, isFetching, onRefresh }: CapabilityStripProps) {
  const { t } = useI18n()
  const downHubs = data?.hubs.filter((h) => ['refusing', 'down', 'paused'].includes(hubHealth(h))) ?? []
  return (
    <section aria-labelledby="capabilities-heading" data-testid="capability-strip" aria-busy={isFetching} className="space-y-2">
      <div className="glass rim-light flex flex-wrap items-center gap-x-4 gap-y-2 rounded-xl border px-4 py-2.5 text-sm">
        <h2 id="capabilities-heading" className="font-semibold">
          {t('caps.title')}
        </h2>
        {data ? (
          <ul className="flex min-w-0 flex-1 flex-wrap items-center gap-x-4 gap-y-1.5">
            <Item testId="cap-database" label={t('caps.database')} health={data.database.reachable ? 'ok' : 'down'} />
            <Item testId="cap-nebula" label={t('caps.nebula')} health={data.nebula.reachable ? 'ok' : 'down'} title={data.nebula.url_host ?? undefined}>
              {data.nebula.simulated && (
                <span className="inline-flex items-center gap-1 text-info" title={t('caps.simulatorBanner')} data-testid="simulator-badge">
                  <FlaskConical className="size-3.5" aria-hidden />
                  {t('caps.simulated')}
                </span>
              )}
            </Item>
            {data.hubs.map((hub) => (
              <Item
                key={hub.provider}
                testId={`cap-hub-${hub.provider}`}
                label={t(`provider.${hub.provider}`)}
                health={hubHealth(hub)}
                title={hub.base_url_host}
              />
            ))}
          </ul>
        ) : (
          <p className="flex-1 text-muted-foreground">{error != null ? t('caps.statusUnknown') : <Loader2 className="size-4 animate-spin" aria-label={t('common.refreshing')} />}</p>
        )}
        <span className="text-xs text-muted-foreground tabular-nums" data-testid="cap-service">
          {data && t('caps.version', { version: data.version })}
        </span>
        <Button variant="ghost" size="sm" onClick={() => !isFetching && onRefresh()} aria-disabled={isFetching || undefined}>
          {isFetching ? <Loader2 className="animate-spin" aria-hidden /> : <RefreshCw aria-hidden />}
          {t('caps.refresh')}
        </Button>
      </div>
      {data?.nebula.simulated && <p className="px-1 text-xs text-muted-foreground">{t('caps.simulatorBanner')}</p>}
      {error != null && !data && <ApiErrorAlert title={t('caps.statusUnknown')} error={error} onRetry={onRefresh} testId="capability-error" />}
      {data && !data.database.reachable && <Alert tone="danger" icon={<CloudOff aria-hidden />} title={t('caps.databaseDown')} />}
      {data && !data.nebula.reachable && (
        <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('caps.nebulaDown')} data-testid="nebula-down" />
      )}
      {downHubs.map((hub) => (
        <Alert
          key={hub.provider}
          tone="warning"
          icon={<CloudOff aria-hidden />}
          title={hubFailureText(t, hub.circuit === 'open' || !hub.last_failure_reason ? 'hub_unreachable' : hub.last_failure_reason, hub.provider)}
          data-testid={`hub-down-${hub.provider}`}
        >
          {/* a hub that refused was reached: a mirror would not help, its token might */}
          {hubHealth(hub) !== 'refusing' && (
            <>
              {t('caps.mirror')}: <code className="font-mono text-foreground">{hub.endpoint_variable}</code> ·{' '}
            </>
          )}
          {t('caps.token')}: {hub.token_configured ? t('caps.tokenSet') : t('caps.tokenNone')}
        </Alert>
      ))}
    </section>
  )
}

function Item({ label, health, title, testId, children }: { label: string; health: Health; title?: string; testId: string; children?: ReactNode }) {
  const { t } = useI18n()
  const { Icon, text, word } = LOOK[health]
  return (
    <li className="inline-flex items-center gap-1.5" data-testid={testId} data-health={health} title={title}>
      <Icon className={cn('size-4 shrink-0', text)} aria-hidden />
      <span className="font-medium">{label}</span>
      <span className={cn('text-xs', health === 'ok' ? 'text-muted-foreground' : text)}>{t(word)}</span>
      {children}
    </li>
  )
}
