import type { ReactNode } from 'react'
import { CheckCircle2, Loader2 } from 'lucide-react'
import { Input, Label, Select } from '@/components/ui/input'
import { useI18n, type MessageKey } from '@/i18n'
import { noticeText } from '@/lib/notice'
import type { EngineType } from '@/lib/types'
import { UID_MAX, type UidProblem } from './uid'
import type { ImportForm } from './use-import-form'

const UID_PROBLEM_KEYS: Record<UidProblem, MessageKey> = {
  empty: 'imp.uidEmpty',
  tooLong: 'imp.uidTooLong',
  pattern: 'imp.uidPattern',
}

/** How engines are written (Nebula's ids stay the values). */
const ENGINE_NAMES: Record<string, string> = { vllm: 'vLLM', sglang: 'SGLang' }

/** The dialog's choices: model uid (checked while typing), engine, replicas and auto start. */
export function ImportFields({ form, idBase }: { form: ImportForm; idBase: string }) {
  const { t, lang } = useI18n()
  const uidError = form.uidProblem
    ? t(UID_PROBLEM_KEYS[form.uidProblem], { max: UID_MAX })
    : form.uidTaken?.notice
      ? noticeText(t, lang, form.uidTaken.notice)
      : form.fieldErrors.model_uid
  const uidStatus = form.uidChecking ? (
    <span className="inline-flex items-center gap-1">
      <Loader2 className="size-3 animate-spin" aria-hidden />
      {t('imp.uidChecking')}
    </span>
  ) : form.uidFree ? (
    <span className="inline-flex items-center gap-1 text-success" data-testid="uid-free">
      <CheckCircle2 className="size-3" aria-hidden />
      {t('imp.uidFree', { uid: form.uid })}
    </span>
  ) : null
  return (
    <>
      <Field id={`${idBase}-uid`} label={t('imp.uid')} hint={t('imp.uidHint', { max: UID_MAX })} status={uidStatus} error={uidError}>
        {(describedBy, invalid) => (
          <Input
            id={`${idBase}-uid`}
            value={form.uid}
            onChange={(e) => form.setUid(e.target.value)}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            className="font-mono"
            data-testid="uid-input"
          />
        )}
      </Field>

      <RunFields idBase={idBase} settings={form} errors={form.fieldErrors} />
    </>
  )
}

/** How the model runs: engine, replicas and whether it starts after the download (one model, or every model of a batch). */
export interface RunSettings {
  /** What this installation accepts (/capabilities); empty until it has answered. */
  engines: EngineType[]
  engine: EngineType | undefined
  setEngine: (engine: EngineType) => void
  replicas: number
  setReplicas: (replicas: number) => void
  replicasOk: boolean
  maxReplicas: number | null
  autoStart: boolean
  setAutoStart: (on: boolean) => void
}

export function RunFields({ idBase, settings: form, errors = {} }: { idBase: string; settings: RunSettings; errors?: Partial<Record<string, string>> }) {
  const { t } = useI18n()
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Field id={`${idBase}-engine`} label={t('imp.engine')} error={errors.engine_type}>
        {(describedBy, invalid) => (
          <Select
            id={`${idBase}-engine`}
            value={form.engine ?? ''}
            onChange={(e) => form.setEngine(e.target.value as EngineType)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          >
            {form.engines.map((e) => (
              <option key={e} value={e}>
                {ENGINE_NAMES[e] ?? e}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field
        id={`${idBase}-replicas`}
        label={t('imp.replicas')}
        error={!form.replicasOk ? t('imp.replicasRange', { max: form.maxReplicas ?? '…' }) : errors.replicas}
      >
        {(describedBy, invalid) => (
          <Input
            id={`${idBase}-replicas`}
            type="number"
            inputMode="numeric"
            min={1}
            max={form.maxReplicas ?? undefined}
            step={1}
            value={Number.isNaN(form.replicas) ? '' : form.replicas}
            onChange={(e) => form.setReplicas(e.target.valueAsNumber)}
            aria-invalid={invalid}
            aria-describedby={describedBy}
          />
        )}
      </Field>
      <div className="flex flex-col justify-end">
        <label className="flex h-10 items-center gap-2 text-sm font-medium">
          <input type="checkbox" checked={form.autoStart} onChange={(e) => form.setAutoStart(e.target.checked)} className="size-4 accent-primary" />
          {t('imp.autoStart')}
        </label>
        {errors.auto_start && <p className="text-sm text-destructive">{errors.auto_start}</p>}
      </div>
    </div>
  )
}

export function Field({
  id,
  label,
  hint,
  status,
  error,
  children,
}: {
  id: string
  label: string
  hint?: string
  /** A live status line (e.g. the uid check) shown instead of the hint while there is no error. */
  status?: ReactNode
  error?: string
  children: (describedBy: string | undefined, invalid: boolean) => ReactNode
}) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      {children(describedBy, Boolean(error))}
      {error ? (
        <p id={`${id}-error`} className="text-sm text-destructive" role="alert" data-testid={`${id}-error`}>
          {error}
        </p>
      ) : (
        <>
          {status && (
            <p className="text-xs text-muted-foreground" aria-live="polite">
              {status}
            </p>
          )}
          {hint && (
            <p id={`${id}-hint`} className="text-xs text-muted-foreground">
              {hint}
            </p>
          )}
        </>
      )}
    </div>
  )
}
