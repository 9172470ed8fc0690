import { forwardRef, type ComponentPropsWithoutRef, type ComponentRef, type HTMLAttributes } from 'react'
import * as D from '@radix-ui/react-dialog'
import { X } from 'lucide-react'
import { cn } from '@/lib/utils'

export const Dialog = D.Root
export const DialogTrigger = D.Trigger
export const DialogClose = D.Close

export interface DialogContentProps extends ComponentPropsWithoutRef<typeof D.Content> {
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
  { className, children, closeLabel, variant = 'center', ...props },
  ref,
) {
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

export function DialogFooter({ className, ...props }: HTMLAttributes<HTMLDivElement>) {
  return <div className={cn('flex flex-col-reverse gap-2 sm:flex-row sm:justify-end', className)} {...props} />
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
