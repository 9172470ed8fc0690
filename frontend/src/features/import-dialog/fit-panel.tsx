import { Cpu, Undo2 } from 'lucide-react'
import { Badge, type BadgeTone } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Input, Label } from '@/components/ui/input'
import { useI18n, type MessageKey } from '@/i18n'
import { formatBytes, formatCount, formatMebibytes } from '@/lib/format'
import { noticeText } from '@/lib/notice'
import { cn } from '@/lib/utils'
import type { Fit, FitNode, FitVerdictCode } from '@/lib/types'
import { TP_MAX, VRAM_MAX_MB, type FitOverride } from './fit-override'

const VERDICT_TONE: Record<FitVerdictCode, BadgeTone> = {
  fits: 'success',
  needs_tensor_parallel: 'info',
  no_free_gpus: 'warning',
  fits_nowhere: 'danger',
  unknown: 'neutral',
}

/** A node's own verdict: now on one GPU or over k, once its GPUs are free, or not at all. */
function nodeVerdict(node: FitNode): { key: MessageKey; tp: number; tone: 'success' | 'warning' | 'danger' } {
  if (node.fits_now && node.tensor_parallel_size != null) {
    return { key: node.tensor_parallel_size === 1 ? 'fit.node.now1' : 'fit.node.nowTp', tp: node.tensor_parallel_size, tone: 'success' }
  }
  const idle = node.options.find((o) => o.fits_when_idle)
  if (idle) return { key: idle.tensor_parallel_size === 1 ? 'fit.node.idle1' : 'fit.node.idleTp', tp: idle.tensor_parallel_size, tone: 'warning' }
  return { key: 'fit.node.never', tp: node.gpu_count, tone: 'danger' }
}

/**
 * Fit before fetch, said as the estimate it is: the verdict, the weights and the runtime headroom with where they come
 * from, each live node's own verdict over 1, 2, 4 or 8 GPUs, and what the import sends to Nebula — which the operator
 * may override. Nothing here ever blocks the download.
 */
export function FitPanel({ fit, override, idBase, compact = false }: { fit: Fit; override: FitOverride; idBase: string; compact?: boolean }) {
  const { t, lang } = useI18n()
  const { verdict } = fit
  return (
    // not a landmark: a batch shows one per model
    <div className="space-y-2.5" data-testid="fit" data-verdict={verdict.code}>
      <h4 className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm font-semibold">
        <Cpu className="size-4 text-muted-foreground" aria-hidden />
        {t('fit.title')}
        <span className="text-xs font-normal text-muted-foreground">{t('fit.estimate')}</span>
        <Badge tone={VERDICT_TONE[verdict.code]} data-testid="fit-verdict">
          {t(`fit.verdict.${verdict.code}`, { tp: verdict.tensor_parallel_size ?? 1 })}
        </Badge>
      </h4>
      <p className="text-sm" data-testid="fit-verdict-text">
        {noticeText(t, lang, verdict.notice)}
      </p>
      {compact ? (
        <details className="group text-sm">
          <summary className="cursor-pointer text-xs font-medium text-info">{t('fit.more')}</summary>
          <div className="mt-2 space-y-2.5">
            <FitDetails fit={fit} />
          </div>
        </details>
      ) : (
        <FitDetails fit={fit} />
      )}
      <Sends fit={fit} override={override} idBase={idBase} />
      {/* a batch says it once, in its description */}
      {!compact && <p className="text-xs text-muted-foreground">{t('fit.neverBlocks')}</p>}
    </div>
  )
}

/** The weights and the headroom with where they come from, and each live node's own verdict. */
function FitDetails({ fit }: { fit: Fit }) {
  const { t, lang } = useI18n()
  return (
    <>
      {fit.weight_bytes != null && (
        <p className="text-sm tabular-nums">
          {t('fit.weights', { size: formatBytes(fit.weight_bytes, lang) })}
          {fit.required_bytes != null && <> · {t('fit.withHeadroom', { size: formatBytes(fit.required_bytes, lang), percent: fit.headroom_percent })}</>}
        </p>
      )}
      <ul className="space-y-0.5 text-xs text-muted-foreground" data-testid="fit-estimate">
        {fit.estimate.map((n) => (
          <li key={n.code}>{noticeText(t, lang, n)}</li>
        ))}
      </ul>
      {fit.nodes.length > 0 && (
        <ul className="grid gap-1.5" aria-label={t('fit.perNode')} data-testid="fit-nodes">
          {fit.nodes.map((node) => {
            const v = nodeVerdict(node)
            return (
              <li key={node.node_id} className="rounded-md border bg-card px-2.5 py-1.5 text-xs" data-node={node.node_id} data-fits-now={node.fits_now}>
                <p className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5">
                  <span className="font-mono text-sm">{node.node_id}</span>
                  <span className="text-muted-foreground tabular-nums">
                    {t('fit.node.gpus', { count: node.gpu_count, memory: formatMebibytes(node.gpu_memory_mb, lang), free: formatCount(node.free_gpu_count, lang) })}
                  </span>
                  <span className={cn('font-medium', v.tone === 'success' ? 'text-success' : v.tone === 'warning' ? 'text-warning' : 'text-destructive')}>
                    {t(v.key, { tp: v.tp })}
                  </span>
                </p>
                <ul className="mt-1 flex flex-wrap gap-1">
                  {node.options.map((o) => {
                    const state = o.fits_now ? 'now' : o.fits_when_idle ? 'idle' : 'no'
                    return (
                      <li
                        key={o.tensor_parallel_size}
                        title={t(`fit.option.${state}`)}
                        className={cn(
                          'rounded border px-1.5 py-0.5 tabular-nums',
                          state === 'now' ? 'border-success/40 text-success' : state === 'idle' ? 'border-warning/40 text-warning' : 'text-muted-foreground line-through',
                        )}
                      >
                        {t('fit.option', { tp: o.tensor_parallel_size, need: formatMebibytes(o.per_gpu_mb, lang) })}
                        <span className="sr-only">: {t(`fit.option.${state}`)}</span>
                      </li>
                    )
                  })}
                </ul>
              </li>
            )
          })}
        </ul>
      )}
    </>
  )
}

/** What the import puts in the ModelSpec's config, and the operator's override of it. */
function Sends({ fit, override, idBase }: { fit: Fit; override: FitOverride; idBase: string }) {
  const { t, lang } = useI18n()
  const { config } = fit
  const sent =
    config.required_vram_mb != null || config.tensor_parallel_size != null
      ? t('fit.sendsValue', {
          memory: config.required_vram_mb != null ? formatMebibytes(config.required_vram_mb, lang) : t('common.none'),
          count: config.tensor_parallel_size ?? 1,
        })
      : t('fit.sendsNothing')
  return (
    <div className="space-y-2 rounded-md border border-dashed px-2.5 py-2" data-testid="fit-sends">
      <p className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <span>
          <span className="text-muted-foreground">{t('fit.sends')}</span>{lang === 'zh' ? '' : ' '}
          <span className="font-medium tabular-nums">{sent}</span>
          {config.overridden && (
            <Badge tone="info" className="ml-2">
              {t('fit.overridden')}
            </Badge>
          )}
        </span>
        {override.active ? (
          <Button variant="ghost" size="sm" onClick={override.reset} data-testid="fit-use-estimate">
            <Undo2 aria-hidden />
            {t('fit.useEstimate')}
          </Button>
        ) : (
          <Button variant="outline" size="sm" onClick={() => override.start(config)} data-testid="fit-override">
            {t('fit.override')}
          </Button>
        )}
      </p>
      {override.active && override.values && (
        <div className="grid gap-3 sm:grid-cols-2">
          <div className="grid gap-1">
            <Label htmlFor={`${idBase}-vram`}>{t('fit.vram')}</Label>
            <Input
              id={`${idBase}-vram`}
              type="number"
              inputMode="numeric"
              min={1}
              max={VRAM_MAX_MB}
              step={1}
              value={override.values.vram}
              onChange={(e) => override.set({ vram: e.target.value })}
              aria-invalid={override.problems.includes('vram')}
              aria-describedby={override.problems.includes('vram') ? `${idBase}-vram-error` : undefined}
              data-testid="fit-vram"
            />
            {override.problems.includes('vram') && (
              <p id={`${idBase}-vram-error`} className="text-xs text-destructive">
                {t('fit.vramRange', { max: formatCount(VRAM_MAX_MB, lang) })}
              </p>
            )}
          </div>
          <div className="grid gap-1">
            <Label htmlFor={`${idBase}-tp`}>{t('fit.tp')}</Label>
            <Input
              id={`${idBase}-tp`}
              type="number"
              inputMode="numeric"
              min={1}
              max={TP_MAX}
              step={1}
              value={override.values.tp}
              onChange={(e) => override.set({ tp: e.target.value })}
              aria-invalid={override.problems.includes('tp')}
              aria-describedby={override.problems.includes('tp') ? `${idBase}-tp-error` : undefined}
              data-testid="fit-tp"
            />
            {override.problems.includes('tp') && (
              <p id={`${idBase}-tp-error`} className="text-xs text-destructive">
                {t('fit.tpRange', { max: TP_MAX })}
              </p>
            )}
          </div>
        </div>
      )}
    </div>
  )
}
