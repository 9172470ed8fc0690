import { useEffect, useSyncExternalStore } from 'react'
import { CheckCircle2, X } from 'lucide-react'
import { useI18n } from '@/i18n'

/** A tiny toaster (no library): `toast(text)` anywhere, one `<Toaster />` on the page shows them. */
interface ToastItem {
  id: number
  text: string
}

let items: ToastItem[] = []
let nextId = 1
const listeners = new Set<() => void>()
const emit = () => listeners.forEach((l) => l())

export function toast(text: string): number {
  const id = nextId++
  items = [...items, { id, text }]
  emit()
  return id
}

export function dismissToast(id: number) {
  items = items.filter((t) => t.id !== id)
  emit()
}

function subscribe(listener: () => void) {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

export function Toaster({ durationMs = 6000 }: { durationMs?: number }) {
  const { t } = useI18n()
  const current = useSyncExternalStore(subscribe, () => items)
  return (
    <div
      aria-live="polite"
      data-testid="toaster"
      className="pointer-events-none fixed inset-x-0 bottom-4 z-[60] flex flex-col items-center gap-2 px-4 sm:right-4 sm:left-auto sm:items-end"
    >
      {current.map((item) => (
        <ToastView key={item.id} item={item} durationMs={durationMs} closeLabel={t('common.close')} />
      ))}
    </div>
  )
}

function ToastView({ item, durationMs, closeLabel }: { item: ToastItem; durationMs: number; closeLabel: string }) {
  useEffect(() => {
    const timer = setTimeout(() => dismissToast(item.id), durationMs)
    return () => clearTimeout(timer)
  }, [item.id, durationMs])
  return (
    <div
      className="pointer-events-auto flex w-full max-w-sm items-start gap-3 rounded-xl border bg-card px-4 py-3 text-sm shadow-lg"
      data-testid="toast"
    >
      <CheckCircle2 className="mt-0.5 size-4 shrink-0 text-success" aria-hidden />
      <p className="min-w-0 flex-1 break-words">{item.text}</p>
      <button
        type="button"
        aria-label={closeLabel}
        onClick={() => dismissToast(item.id)}
        className="-m-1 inline-flex size-7 shrink-0 items-center justify-center rounded-md text-muted-foreground hover:bg-accent"
      >
        <X className="size-3.5" aria-hidden />
      </button>
    </div>
  )
}
