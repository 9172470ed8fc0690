import { forwardRef, useCallback, useState, type ComponentPropsWithoutRef, type ComponentRef, type HTMLAttributes } from 'react'
import * as D from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import { cn } from '@/lib/utils'

export const Dialog = D.Root
export const DialogTrigger = D.Trigger
export const DialogClose = D.Close

/**
 * Focus goes back to the element that opened a dialog when it closes (Escape, ×, Cancel, or the caller unmounting
 * it). Radix only does that for its own `Trigger`; our dialogs open from buttons that set state, so we remember the
 * focused element when the content mounts. `returnFocus` may name another target (e.g. after the opener was
 * deleted); when neither is in the document any more, Radix's default applies.
 */
export function useReturnFocus(returnFocus?: () => HTMLElement | null | undefined) {
  const [opener] = useState(() => (typeof document === 'undefined' ? null : (document.activeElement as HTMLElement | null)))
  return useCallback(
    (event: Event) => {
      const target = returnFocus?.() ?? opener
      if (target && target.isConnected && target !== document.body) {
        event.preventDefault()
        target.focus()
      }
    },
    [opener, returnFocus],
  )
}

export interface DialogContentProps extends ComponentPropsWithoutRef<typeof D.Content> {
  /** Where focus goes on close instead of the opener (called then; null/undefined: the opener). */
  returnFocus?: () => HTMLElement | null | undefined
  /** Accessible label of the close (X) button, from the i18n dictionary. */
  closeLabel: string
  /** `center`: a modal box; `sheet`: a full-height panel from the right (details). */
  variant?: 'center' | 'sheet'
}

const placements = {
  center:
    'top-1/2 left-1/2 max-h-[90vh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 rounded-xl border',
  sheet: 'inset-y-0 right-0 h-full w-full max-w-xl content-start border-l sm:w-[36rem]',
} as const

export const DialogContent = forwardRef<ComponentRef<typeof D.Content>, DialogContentProps>(function DialogContent(
  { className, children, closeLabel, variant = 'center', returnFocus, onCloseAutoFocus, ...props },
  ref,
) {
  const restore = useReturnFocus(returnFocus)
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-50 bg-black/40" />
      <D.Content
        ref={ref}
        className={cn(
          'fixed z-50 grid gap-4 overflow-y-auto bg-card p-6 shadow-xl',
          placements[variant],
          className,
        )}
        onCloseAutoFocus={(event) => {
          onCloseAutoFocus?.(event)
          if (!event.defaultPrevented) restore(event)
        }}
        {...props}
      >
        {children}
        <D.Close
          aria-label={closeLabel}
          className="absolute top-3 right-3 inline-flex size-9 items-center justify-center rounded-lg text-muted-foreground hover:bg-accent hover:text-foreground"
        >
          <X className="size-4" aria-hidden />
        </D.Close>
      </D.Content>
    </D.Portal>
  )
})

export function DialogHeader({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('flex flex-col gap-1.5 pr-8', className)} {...props} />
}

/**
 * The dialog's buttons. `sticky`: pinned to the bottom of a scrolling dialog, so the main action stays in view on a
 * short screen (the dialog box is the scroll container; -mx/-mb/px/pb match its p-6).
 */
export function DialogFooter({ className, sticky = false, ...props }: HTMLAttributes<HTMLDivElement> & { sticky?: boolean }) {
  return (
    <div
      className={cn(
        'flex flex-col-reverse gap-2 sm:flex-row sm:justify-end',
        sticky && 'sticky -bottom-6 z-10 -mx-6 -mb-6 border-t bg-card px-6 pt-3 pb-6 max-sm:flex-row max-sm:justify-end',
        className,
      )}
      {...props}
    />
  )
}

export const DialogTitle = forwardRef<ComponentRef<typeof D.Title>, ComponentPropsWithoutRef<typeof D.Title>>(
  function DialogTitle({ className, ...props }, ref) {
    return <D.Title ref={ref} className={cn('text-lg font-semibold', className)} {...props} />
  },
)

export const DialogDescription = forwardRef<
  ComponentRef<typeof D.Description>,
  ComponentPropsWithoutRef<typeof D.Description>
>(function DialogDescription({ className, ...props }, ref) {
  return <D.Description ref={ref} className={cn('text-sm text-muted-foreground', className)} {...props} />
})
