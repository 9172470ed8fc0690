import { forwardRef, type InputHTMLAttributes, type LabelHTMLAttributes, type SelectHTMLAttributes } from 'react'
import { cn } from '@/lib/utils'

const field =
  'h-10 w-full min-w-0 rounded-md border border-input bg-card text-sm text-foreground shadow-xs transition-colors dark:bg-background/60 ' +
  'placeholder:text-muted-foreground focus-visible:outline-2 focus-visible:outline-offset-1 focus-visible:outline-ring ' +
  'disabled:cursor-not-allowed disabled:opacity-50 aria-[invalid=true]:border-destructive'

export interface InputProps extends InputHTMLAttributes<HTMLInputElement> {
  /** Room for an icon drawn over each end (a search glass, a spinner). */
  iconRoom?: boolean
}

export const Input = forwardRef<HTMLInputElement, InputProps>(function Input({ className, iconRoom = false, ...props }, ref) {
  return <input ref={ref} className={cn(field, iconRoom ? 'px-9' : 'px-3', className)} {...props} />
})

/** A native select (accessible and light) styled like the inputs. */
export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement>>(function Select(
  { className, ...props },
  ref,
) {
  return <select ref={ref} className={cn(field, 'pr-8 pl-3', className)} {...props} />
})

export function Label({ className, ...props }: LabelHTMLAttributes<HTMLLabelElement>) {
  return <label className={cn('text-sm font-medium text-foreground', className)} {...props} />
}
