import { lazy, Suspense, useState } from 'react'
import { CircleStop, Loader2, Play, RotateCcw, Square } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { toast } from '@/components/ui/toaster'
import { RoleGate } from '@/features/auth/role-gate'
import { useI18n, type Lang, type Translate } from '@/i18n'
import { MODEL_ACTIONS, type DownloadedModelRow, type LifecycleResult, type ModelAction } from '@/lib/types'
import { noticeText } from '@/lib/notice'
import { useLifecycle } from './use-downloaded-models'

// Asked only before a stop or a cancel: loaded when first needed.
const LifecycleDialog = lazy(() => import('./lifecycle-dialog').then((m) => ({ default: m.LifecycleDialog })))

const ICONS: Record<ModelAction, typeof Play> = { start: Play, retry: RotateCcw, stop: Square, cancel_download: CircleStop }
/** Actions that take something down: asked first, with what stays behind. */
const ASK_FIRST = new Set<ModelAction>(['stop', 'cancel_download'])

/** What a lifecycle action left behind, in the reader's words (a stop keeps the files; a cancel the partial ones). */
export function lifecycleDone(t: Translate, lang: Lang, result: LifecycleResult): string {
  const done = t(`life.done.${result.action}`, { uid: result.model_uid })
  const kept = result.notices.map((n) =>
    n.code === 'partial_files_kept' && !n.params.nodes ? t('life.partialKept', { uid: result.model_uid }) : noticeText(t, lang, n),
  )
  return [done, ...kept].join(' ')
}

/** The button that opens a row's details (its model name): where focus stays after the row's actions. */
export function detailsButtonOf(uid: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`[data-details-for="${CSS.escape(uid)}"]`)
}

/**
 * The row's lifecycle actions (from its `actions`: start, retry, stop, cancel a download), and what running one does:
 * start and retry at once, stop and cancel after a confirmation that says what stays behind. The outcome is a toast;
 * a refusal or failure is `error` (block A shows it above the list).
 */
export function useRowLifecycle() {
  const { t, lang } = useI18n()
  const lifecycle = useLifecycle()
  const [pending, setPending] = useState<ReadonlySet<string>>(() => new Set())
  const [asking, setAsking] = useState<{ row: DownloadedModelRow; action: ModelAction } | null>(null)
  const [failure, setFailure] = useState<{ uid: string; action: ModelAction; error: unknown; at: number } | null>(null)

  const mark = (uid: string, on: boolean) =>
    setPending((prev) => {
      const next = new Set(prev)
      if (on) next.add(uid)
      else next.delete(uid)
      return next
    })

  const run = async (uid: string, action: ModelAction) => {
    const opener = document.activeElement
    setFailure(null)
    mark(uid, true)
    try {
      toast(lifecycleDone(t, lang, await lifecycle.mutateAsync({ uid, action })))
    } catch (error) {
      setFailure({ uid, action, error, at: Date.now() })
    } finally {
      mark(uid, false)
      // the button goes away with the state it belonged to: focus stays in the row, on the model's name
      if (opener instanceof HTMLElement && opener.hasAttribute('data-action')) detailsButtonOf(uid)?.focus()
    }
  }

  const onAction = (row: DownloadedModelRow, action: ModelAction) => {
    if (!row.model_uid) return
    if (ASK_FIRST.has(action)) setAsking({ row, action })
    else void run(row.model_uid, action)
  }

  const dialog = asking && (
    <Suspense fallback={null}>
      <LifecycleDialog
        row={asking.row}
        action={asking.action}
        onClose={() => setAsking(null)}
        onConfirm={() => {
          const { row, action } = asking
          setAsking(null)
          void run(row.model_uid!, action)
        }}
      />
    </Suspense>
  )
  return { pending, onAction, failure, dismissFailure: () => setFailure(null), dialog }
}

/** The row's lifecycle buttons: operators and admins use them; a viewer sees them disabled with the reason. */
export function LifecycleButtons({
  row,
  busy,
  onAction,
}: {
  row: DownloadedModelRow
  busy: boolean
  onAction: (row: DownloadedModelRow, action: ModelAction) => void
}) {
  const { t } = useI18n()
  const uid = row.model_uid
  if (!uid) return null
  return (
    <>
      {row.actions
        .filter((a) => MODEL_ACTIONS.includes(a))
        .map((action) => {
          const Icon = ICONS[action]
          return (
            <RoleGate key={action} need="operator">
              <Button
                variant="outline"
                size="sm"
                onClick={() => !busy && onAction(row, action)}
                aria-disabled={busy || undefined}
                aria-label={t(`life.${action}Of`, { uid })}
                data-action={action}
              >
                {busy ? <Loader2 className="animate-spin" aria-hidden /> : <Icon aria-hidden />}
                {t(`life.${action}`)}
              </Button>
            </RoleGate>
          )
        })}
    </>
  )
}
