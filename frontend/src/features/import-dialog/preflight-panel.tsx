import type { ReactNode } from 'react'
import { AlertTriangle, CheckCircle2, HardDrive, Loader2, Server, XCircle } from 'lucide-react'
import { ApiErrorAlert } from '@/components/api-error-alert'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Skeleton } from '@/components/ui/skeleton'
import { SIZE_SOURCE_KEYS } from '@/features/hub-search/result-list'
import { useI18n, type MessageKey } from '@/i18n'
import { formatBytes, formatCount } from '@/lib/format'
import { noticeText } from '@/lib/notice'
import { cn } from '@/lib/utils'
import type { Notice, Preflight, SizeSource } from '@/lib/types'
import type { FitOverride } from './fit-override'
import { FitPanel } from './fit-panel'

/** How to fix a blocking pre-flight problem, by its code (null when the problem's own sentence says it all). */
export function fixFor(code: string): MessageKey | null {
  if (code === 'model_exists' || code === 'model_uid_taken') return 'imp.fix.uid'
  if (code === 'already_imported') return 'imp.fix.alreadyImported'
  if (code === 'import_in_progress') return 'imp.fix.inProgress'
  if (code === 'no_node_has_room') return 'imp.fix.disk'
  if (code === 'hub_token_required') return 'imp.fix.token'
  if (code === 'hub_model_not_found') return 'imp.fix.notFound'
  if (code === 'revision_not_supported') return 'imp.fix.revision'
  return null
}

/** Codes the panel shows in its own way (the "already in the cluster" box, the GPU fit), not again as a warning line. */
const SHOWN_ELSEWHERE = new Set(['already_registered', 'fit_no_free_gpus', 'fit_nowhere'])

/**
 * What the service found before anything is submitted: revision and exact size, blocking problems with their fix,
 * warnings, where the files already are, and the room on each node (a node that is down never fits).
 */
export function PreflightPanel({
  result,
  error,
  checking,
  idle,
  onRetry,
  override,
}: {
  result: Preflight | undefined
  error: unknown
  checking: boolean
  idle: boolean
  onRetry: () => void
  override: FitOverride
}) {
  const { t } = useI18n()
  return (
    <section aria-labelledby="preflight-heading" aria-busy={checking} className="space-y-3 rounded-lg border bg-muted/40 p-4" data-testid="preflight">
      <h3 id="preflight-heading" className="flex items-center gap-2 text-sm font-semibold">
        {t('imp.preflight')}
        {checking && (
          <span className="inline-flex items-center gap-1 text-xs font-normal text-muted-foreground">
            <Loader2 className="size-3.5 animate-spin" aria-hidden />
            {t('imp.checking')}
          </span>
        )}
      </h3>
      {error != null ? (
        <ApiErrorAlert error={error} title={t('imp.preflightError')} onRetry={onRetry} testId="preflight-error" />
      ) : result == null ? (
        idle ? (
          <p className="text-sm text-muted-foreground">{t('imp.fixUidFirst')}</p>
        ) : (
          <div className="space-y-2" role="status" aria-label={t('imp.checking')}>
            <Skeleton className="h-4 w-1/2" />
            <Skeleton className="h-4 w-2/3" />
          </div>
        )
      ) : (
        <PreflightResult result={result} override={override} />
      )}
    </section>
  )
}

function PreflightResult({ result, override }: { result: Preflight; override: FitOverride }) {
  const { t, lang } = useI18n()
  const warnings = result.warnings.filter((w) => !SHOWN_ELSEWHERE.has(w.code))
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-sm">
        <div>
          <dt className="text-xs text-muted-foreground">{t('hs.revision')}</dt>
          <dd className="font-mono text-xs" title={result.revision ?? undefined}>
            {result.revision ? result.revision.slice(0, 12) : '—'}
          </dd>
        </div>
        <div>
          <dt className="text-xs text-muted-foreground">{t('hs.size')}</dt>
          <dd className="font-medium">
            {result.size_bytes != null ? formatBytes(result.size_bytes, lang) : '—'}
            {result.size_source && result.size_source in SIZE_SOURCE_KEYS && (
              <span className="block text-xs font-normal text-muted-foreground">{t(SIZE_SOURCE_KEYS[result.size_source as SizeSource])}</span>
            )}
          </dd>
        </div>
      </dl>
      {(result.gated || result.is_private) && (
        <div className="flex flex-wrap gap-1.5">
          {result.gated && <Badge tone="warning">{t('hs.gated')}</Badge>}
          {result.is_private && <Badge tone="danger">{t('hs.private')}</Badge>}
        </div>
      )}
      {result.blocking.length > 0 && (
        <ul className="space-y-2" data-testid="preflight-blocking">
          {result.blocking.map((p) => (
            <ProblemItem key={p.code + p.message} problem={p} tone="danger" />
          ))}
        </ul>
      )}
      {warnings.length > 0 && (
        <ul className="space-y-2" data-testid="preflight-warnings">
          {warnings.map((p) => (
            <ProblemItem key={p.code + p.message} problem={p} tone="warning" />
          ))}
        </ul>
      )}
      {result.cached_on.length > 0 && !result.warnings.some((w) => w.code === 'already_cached') && (
        <Line icon={<HardDrive aria-hidden />}>
          {t('imp.cachedOn')} {result.cached_on.map((c) => `${c.node_id}${c.complete ? '' : ` (${t('imp.partial')})`}`).join(lang === 'zh' ? '、' : ', ')}
        </Line>
      )}
      {result.disk.length > 0 && <DiskRoom disk={result.disk} />}
      {result.fit && <FitPanel fit={result.fit} override={override} idBase="preflight" />}
      {result.blocking.length === 0 ? (
        <p className="flex items-center gap-1.5 text-sm text-success" data-testid="preflight-ready">
          <CheckCircle2 className="size-4" aria-hidden />
          {result.registered.length > 0 ? t('imp.readyCopy') : t('imp.ready')}
        </p>
      ) : (
        <p className="flex items-center gap-1.5 text-sm text-destructive">
          <XCircle className="size-4" aria-hidden />
          {t('imp.blocked')}
        </p>
      )}
    </div>
  )
}

/** Room on each node: free space, how full the disk already is, and whether the model fits (a dead node never does). */
export function DiskRoom({ disk }: { disk: Preflight['disk'] }) {
  const { t, lang } = useI18n()
  return (
    <div className="space-y-1.5">
      <p className="text-xs font-medium text-muted-foreground">{t('imp.diskRoom')}</p>
      <ul className="grid gap-1.5 sm:grid-cols-2" data-testid="preflight-disk">
        {disk.map((d) => {
          const full = d.used_percent != null && d.used_percent > 85
          return (
            <li
              key={d.node_id}
              className="flex flex-wrap items-center justify-between gap-x-2 gap-y-0.5 rounded-md border bg-card px-2.5 py-1.5 text-sm"
              data-node={d.node_id}
              data-fits={d.fits}
            >
              <span className="flex min-w-0 items-center gap-1.5">
                <Server className="size-3.5 shrink-0 text-muted-foreground" aria-hidden />
                <span className="shrink-0 font-mono text-xs">{d.node_id}</span>
                {!d.alive && (
                  <Badge tone="danger" className="shrink-0">
                    {t('imp.nodeDown')}
                  </Badge>
                )}
              </span>
              <span className={cn('inline-flex shrink-0 items-center gap-1 text-xs', d.fits ? 'text-success' : 'text-destructive')}>
                {d.fits ? <CheckCircle2 className="size-3.5" aria-hidden /> : <XCircle className="size-3.5" aria-hidden />}
                {t('imp.free', { size: formatBytes(d.available_bytes, lang) })}
                {d.used_percent != null && (
                  <span className={cn(full ? 'font-medium text-warning' : 'text-muted-foreground')}>
                    · {t('imp.used', { percent: formatCount(Math.round(d.used_percent), lang) })}
                  </span>
                )}
                <span className="sr-only">{d.fits ? t('imp.fits') : t('imp.doesNotFit')}</span>
              </span>
            </li>
          )
        })}
      </ul>
    </div>
  )
}

export function ProblemItem({ problem, tone }: { problem: Notice; tone: 'danger' | 'warning' }) {
  const { t, lang } = useI18n()
  const fix = tone === 'danger' ? fixFor(problem.code) : null
  return (
    <li>
      <Alert tone={tone} icon={<AlertTriangle aria-hidden />} title={noticeText(t, lang, problem)} className="py-2" data-notice={problem.code}>
        {fix && <p className="text-foreground">{t(fix)}</p>}
      </Alert>
    </li>
  )
}

function Line({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <p className="flex items-start gap-2 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-muted-foreground">
      {icon}
      <span className="min-w-0 break-words">{children}</span>
    </p>
  )
}
