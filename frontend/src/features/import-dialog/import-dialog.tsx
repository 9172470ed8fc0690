import { useId, useRef, useState, type ReactNode } from 'react'
import { useQueryClient } from '@tanstack/react-query'
import { AlertTriangle, CheckCircle2, Download, HardDrive, Info, Loader2, XCircle } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Badge } from '@/components/ui/badge'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { Skeleton } from '@/components/ui/skeleton'
import { HubErrorBox } from '@/features/hub-search/error-box'
import { formatBytes } from '@/features/hub-search/format'
import { SIZE_SOURCE_KEYS } from '@/features/hub-search/result-list'
import type { SearchItem, SizeSource } from '@/features/hub-search/types'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useI18n, type MessageKey } from '@/i18n'
import { ApiError } from '@/lib/api'
import { catalogKeys } from '@/lib/query-keys'
import { cn } from '@/lib/utils'
import { toast } from './toaster'
import type { EngineType, ImportRequest, ImportResult, PreflightResult, Problem } from './types'
import { uidFromModelId, validateUid, UID_MAX, type UidProblem } from './uid'
import { usePreflight, useStartImport } from './use-import'
import { noticeText } from '@/lib/notice'

export const PREFLIGHT_DEBOUNCE_MS = 400
const ENGINES: EngineType[] = ['vllm', 'sglang']
const FIELDS = ['model_uid', 'engine_type', 'replicas', 'auto_start'] as const
type Field = (typeof FIELDS)[number]

const UID_PROBLEM_KEYS: Record<UidProblem, MessageKey> = {
  empty: 'imp.uidEmpty',
  tooLong: 'imp.uidTooLong',
  pattern: 'imp.uidPattern',
}

/** How to fix a blocking pre-flight problem, by its code (null when the service's message says it all). */
export function fixFor(code: string): MessageKey | null {
  if (code === 'model_exists' || code === 'already_registered') return 'imp.fix.uid'
  if (code === 'already_imported') return 'imp.fix.alreadyImported'
  if (code === 'import_in_progress') return 'imp.fix.inProgress'
  if (code === 'no_node_has_room' || code.includes('disk')) return 'imp.fix.disk'
  if (code === 'hub_token_required' || code.includes('gated') || code.includes('token')) return 'imp.fix.token'
  if (code === 'hub_model_not_found' || code === 'not_found') return 'imp.fix.notFound'
  if (code === 'revision_not_supported') return 'imp.fix.revision'
  if (code === 'import_outcome_unknown') return 'imp.fix.outcomeUnknown'
  return null
}

/**
 * "Download" = import a hub model into the cluster. One dialog instance is one submission: its Idempotency-Key is
 * made when it opens and reused for every retry, so a double click or a retry after a lost answer starts one import.
 */
export function ImportDialog({
  item,
  onClose,
  onImported,
  focusAfterImport,
}: {
  item: SearchItem
  onClose: () => void
  onImported: (result: ImportResult) => void
  /** Where focus goes when the dialog closes after an import (otherwise back to the Download button). */
  focusAfterImport?: () => HTMLElement | null
}) {
  const { t } = useI18n()
  const queryClient = useQueryClient()
  const ids = useId()
  const [idempotencyKey] = useState(() => globalThis.crypto.randomUUID())
  const [uidInput, setUidInput] = useState<string | null>(null)
  const [engine, setEngine] = useState<EngineType>('vllm')
  const [replicas, setReplicas] = useState(1)
  const [autoStart, setAutoStart] = useState(true)
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<Field, string>>>({})
  const start = useStartImport(idempotencyKey)
  const imported = useRef(false)

  const base: Pick<ImportRequest, 'provider' | 'model_id'> = { provider: item.provider, model_id: item.id }
  const uidProblem = uidInput == null ? null : validateUid(uidInput)
  const replicasOk = Number.isInteger(replicas) && replicas >= 1 && replicas <= 8
  // The first check runs without a uid (the service suggests one); after an edit, with the typed uid.
  const checkBody = JSON.stringify({
    ...base,
    ...(uidInput != null ? { model_uid: uidInput } : {}),
    engine_type: engine,
    replicas: replicasOk ? replicas : 1,
    auto_start: autoStart,
  })
  const debouncedBody = useDebouncedValue(checkBody, PREFLIGHT_DEBOUNCE_MS)
  const preflight = usePreflight(JSON.parse(debouncedBody) as ImportRequest, uidProblem == null)
  const pf = preflight.data
  const suggested = pf?.suggested_uid || uidFromModelId(item.id)
  const uid = uidInput ?? suggested
  const checking = preflight.isFetching || debouncedBody !== checkBody
  const blocking = pf?.blocking ?? []

  const canSubmit = uidProblem == null && replicasOk && !start.isPending && !checking && blocking.length === 0

  function submit() {
    if (!canSubmit) return
    setFieldErrors({})
    start.mutate(
      // The revision the pre-flight showed is pinned, so the cluster gets exactly what the operator checked.
      { ...base, model_uid: uid, engine_type: engine, replicas, auto_start: autoStart, ...(pf?.revision ? { revision: pf.revision } : {}) },
      {
        onSuccess: (result) => {
          void queryClient.invalidateQueries({ queryKey: catalogKeys.all })
          if (result.status === 'failed') return
          toast(t('imp.started', { uid: result.model_uid ?? uid, id: result.model_id }))
          imported.current = true
          onImported(result)
        },
        onError: (error) => {
          const field = error instanceof ApiError ? error.details?.field : undefined
          if (typeof field === 'string' && (FIELDS as readonly string[]).includes(field)) {
            setFieldErrors({ [field]: error.message })
          } else if (error instanceof ApiError && error.code === 'model_exists') {
            setFieldErrors({ model_uid: error.message })
          }
        },
      },
    )
  }

  const failed = start.data?.status === 'failed' ? start.data : null
  const submitError =
    start.error ??
    (failed ? new ApiError({ status: 201, code: failed.error?.code ?? 'import_failed', message: failed.error?.message ?? t('imp.submitError') }) : null)
  const submitErrorShownOnField =
    submitError instanceof ApiError && Object.keys(fieldErrors).length > 0

  return (
    <Dialog open onOpenChange={(open) => !open && !start.isPending && onClose()}>
      <DialogContent
        closeLabel={t('hs.close')}
        className="sm:max-w-2xl"
        data-testid="import-dialog"
        returnFocus={() => (imported.current ? focusAfterImport?.() : null)}
      >
        <DialogHeader>
          <DialogTitle>{t('imp.title')}</DialogTitle>
          <DialogDescription>
            {t('imp.description', { hub: t(`provider.${item.provider}`) })}{' '}
            <span className="mt-1 block font-mono break-all text-foreground">{item.id}</span>
          </DialogDescription>
        </DialogHeader>

        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault()
            submit()
          }}
          noValidate
        >
          <Field
            id={`${ids}-uid`}
            label={t('imp.uid')}
            hint={t('imp.uidHint', { max: UID_MAX })}
            error={uidProblem ? t(UID_PROBLEM_KEYS[uidProblem], { max: UID_MAX }) : fieldErrors.model_uid}
          >
            {(describedBy, invalid) => (
              <input
                id={`${ids}-uid`}
                value={uid}
                onChange={(e) => {
                  setUidInput(e.target.value)
                  setFieldErrors(({ model_uid: _, ...rest }) => rest)
                }}
                autoComplete="off"
                spellCheck={false}
                aria-invalid={invalid}
                aria-describedby={describedBy}
                className={cn(inputClass, 'font-mono', invalid && 'border-destructive')}
                data-testid="uid-input"
              />
            )}
          </Field>

          <div className="grid gap-4 sm:grid-cols-3">
            <Field id={`${ids}-engine`} label={t('imp.engine')} error={fieldErrors.engine_type}>
              {(describedBy, invalid) => (
                <select
                  id={`${ids}-engine`}
                  value={engine}
                  onChange={(e) => setEngine(e.target.value as EngineType)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  className={inputClass}
                >
                  {ENGINES.map((e) => (
                    <option key={e} value={e}>
                      {e === 'vllm' ? 'vLLM' : 'SGLang'}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`${ids}-replicas`}
              label={t('imp.replicas')}
              error={!replicasOk ? t('imp.replicasRange') : fieldErrors.replicas}
            >
              {(describedBy, invalid) => (
                <input
                  id={`${ids}-replicas`}
                  type="number"
                  inputMode="numeric"
                  min={1}
                  max={8}
                  step={1}
                  value={Number.isNaN(replicas) ? '' : replicas}
                  onChange={(e) => setReplicas(e.target.valueAsNumber)}
                  aria-invalid={invalid}
                  aria-describedby={describedBy}
                  className={cn(inputClass, invalid && 'border-destructive')}
                />
              )}
            </Field>
            <div className="flex flex-col justify-end">
              <label className="flex h-10 items-center gap-2 text-sm font-medium">
                <input
                  type="checkbox"
                  checked={autoStart}
                  onChange={(e) => setAutoStart(e.target.checked)}
                  className="size-4 accent-primary"
                />
                {t('imp.autoStart')}
              </label>
              {fieldErrors.auto_start && <p className="text-sm text-destructive">{fieldErrors.auto_start}</p>}
            </div>
          </div>

          <PreflightPanel
            result={pf}
            error={preflight.isError ? preflight.error : null}
            checking={checking}
            idle={preflight.isPending && !preflight.isFetching && uidProblem != null}
            onRetry={() => void preflight.refetch()}
          />

          {submitError && !submitErrorShownOnField && (
            <HubErrorBox error={submitError} title={t('imp.submitError')} testId="import-error" />
          )}

          {/* pinned to the bottom of the dialog: on a short screen Download stays in view above the pre-flight */}
          <DialogFooter sticky>
            <Button variant="outline" onClick={onClose} disabled={start.isPending}>
              {t('imp.cancel')}
            </Button>
            <Button type="submit" disabled={!canSubmit} data-testid="import-submit">
              {start.isPending ? <Loader2 className="animate-spin" aria-hidden /> : <Download aria-hidden />}
              {start.isPending ? t('imp.submitting') : t('imp.submit')}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}

const inputClass = 'h-10 w-full rounded-lg border border-input bg-card px-3 text-sm shadow-xs'

function Field({
  id,
  label,
  hint,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  error?: string
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="grid gap-1.5">
      <label htmlFor={id} className="text-sm font-medium">
        {label}
      </label>
      {children(describedBy, Boolean(error))}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive" role="alert">
          {error}
        </p>
      ) : (
        hint && (
          <p id={`${id}-hint`} className="text-xs text-muted-foreground">
            {hint}
          </p>
        )
      )}
    </div>
  )
}

function PreflightPanel({
  result,
  error,
  checking,
  idle,
  onRetry,
}: {
  result: PreflightResult | undefined
  error: unknown
  checking: boolean
  idle: boolean
  onRetry: () => void
}) {
  const { t, lang } = useI18n()
  return (
    <section
      aria-labelledby="preflight-heading"
      aria-busy={checking}
      className="space-y-3 rounded-lg border bg-muted/40 p-4"
      data-testid="preflight"
    >
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
        <HubErrorBox error={error} title={t('imp.preflightError')} onRetry={onRetry} />
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
                  <span className="block text-xs font-normal text-muted-foreground">
                    {t(SIZE_SOURCE_KEYS[result.size_source as SizeSource])}
                  </span>
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
          {result.warnings.length > 0 && (
            <ul className="space-y-2" data-testid="preflight-warnings">
              {result.warnings.map((p) => (
                <ProblemItem key={p.code + p.message} problem={p} tone="warning" />
              ))}
            </ul>
          )}

          {result.registered.length > 0 && !result.warnings.some((w) => w.code === 'already_registered') && (
            <Notice icon={<Info aria-hidden />}>
              {t('imp.registered')}{' '}
              {result.registered.map((r) => `${r.model_uid} (${r.state})`).join(', ')}
            </Notice>
          )}
          {result.cached_on.length > 0 && !result.warnings.some((w) => w.code === 'already_cached') && (
            <Notice icon={<HardDrive aria-hidden />}>
              {t('imp.cachedOn')}{' '}
              {result.cached_on
                .map((c) => `${c.node_id}${c.complete ? '' : ` (${t('imp.partial')})`}`)
                .join(', ')}
            </Notice>
          )}

          {result.disk.length > 0 && (
            <div className="space-y-1.5">
              <p className="text-xs font-medium text-muted-foreground">{t('imp.diskRoom')}</p>
              <ul className="grid gap-1.5 sm:grid-cols-2" data-testid="preflight-disk">
                {result.disk.map((d) => (
                  <li key={d.node_id} className="flex items-center justify-between gap-2 rounded-md border bg-card px-2.5 py-1.5 text-sm">
                    <span className="truncate font-mono text-xs">{d.node_id}</span>
                    <span className={cn('inline-flex shrink-0 items-center gap-1', d.fits ? 'text-success' : 'text-destructive')}>
                      {d.fits ? <CheckCircle2 className="size-3.5" aria-hidden /> : <XCircle className="size-3.5" aria-hidden />}
                      {d.available_bytes != null ? t('imp.free', { size: formatBytes(d.available_bytes, lang) }) : '—'}
                      <span className="sr-only">{d.fits ? t('imp.fits') : t('imp.doesNotFit')}</span>
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          )}

          {result.blocking.length === 0 && (
            <p className="flex items-center gap-1.5 text-sm text-success">
              <CheckCircle2 className="size-4" aria-hidden />
              {t('imp.ready')}
            </p>
          )}
        </div>
      )}
    </section>
  )
}

function ProblemItem({ problem, tone }: { problem: Problem; tone: 'danger' | 'warning' }) {
  const { t, lang } = useI18n()
  const fix = tone === 'danger' ? fixFor(problem.code) : null
  return (
    <li>
      <Alert
        tone={tone}
        icon={<AlertTriangle aria-hidden />}
        title={noticeText(t, lang, problem)}
        className="py-2"
      >
        {fix && <p className="text-foreground">{t(fix)}</p>}
      </Alert>
    </li>
  )
}

function Notice({ icon, children }: { icon: ReactNode; children: ReactNode }) {
  return (
    <p className="flex items-start gap-2 text-sm [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0 [&>svg]:text-muted-foreground">
      {icon}
      <span className="min-w-0 break-words">{children}</span>
    </p>
  )
}
