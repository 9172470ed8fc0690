import { forwardRef, useId, type ButtonHTMLAttributes, type MouseEvent } from 'react'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { cn } from '@/lib/utils'

const base =
  'inline-flex items-center justify-center gap-2 whitespace-nowrap rounded-md text-sm font-medium transition-colors ' +
  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring ' +
  'disabled:pointer-events-none disabled:opacity-50 aria-disabled:cursor-not-allowed aria-disabled:opacity-60 [&_svg]:pointer-events-none [&_svg]:size-4 [&_svg]:shrink-0'

const variants = {
  default: 'rim-light bg-primary text-primary-foreground hover:bg-primary/90 aria-disabled:hover:bg-primary',
  outline: 'border border-input bg-card text-foreground shadow-xs hover:bg-accent dark:bg-card/40',
  secondary: 'bg-secondary text-secondary-foreground hover:bg-accent',
  ghost: 'text-foreground hover:bg-accent',
  destructive: 'bg-destructive text-destructive-foreground shadow-sm hover:bg-destructive/90 aria-disabled:hover:bg-destructive',
  link: 'text-info underline-offset-4 hover:underline',
} as const

const sizes = {
  sm: 'h-8 px-3',
  md: 'h-10 px-4',
  lg: 'h-11 px-6',
  icon: 'size-10',
} as const

export type ButtonVariant = keyof typeof variants
export type ButtonSize = keyof typeof sizes

export function buttonClasses(variant: ButtonVariant = 'default', size: ButtonSize = 'md', className?: string) {
  return cn(base, variants[variant], sizes[size], className)
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement> {
  variant?: ButtonVariant
  size?: ButtonSize
  /**
   * Why the button is disabled. With `disabled`, the button stays focusable (`aria-disabled`, clicks do
   * nothing), the reason is its accessible description and shows in a tooltip on hover and focus. A `title`
   * on a disabled button is taken as its reason (a title alone reaches neither keyboard nor touch users).
   */
  disabledReason?: string
}

/** A button. Icon-only buttons must pass `aria-label`. */
export const Button = forwardRef<HTMLButtonElement, ButtonProps>(function Button(
  { className, variant, size, type = 'button', disabled, disabledReason, title, ...props },
  ref,
) {
  const reasonId = useId()
  const reason = disabled ? (disabledReason ?? title) : undefined
  // gated by RoleGate (already aria-disabled with its own reason and tooltip) or nothing to explain
  if (!reason || props['aria-disabled'] != null) {
    return (
      <button ref={ref} type={type} disabled={disabled} title={title} className={buttonClasses(variant, size, className)} {...props} />
    )
  }
  const describedBy = [props['aria-describedby'], reasonId].filter(Boolean).join(' ')
  const swallow = (event: MouseEvent<HTMLButtonElement>) => {
    event.preventDefault()
    event.stopPropagation()
  }
  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <button
            ref={ref}
            type={type}
            className={buttonClasses(variant, size, className)}
            {...props}
            aria-disabled
            aria-describedby={describedBy}
            data-disabled-reason=""
            onClick={swallow}
          />
        </TooltipTrigger>
        <TooltipContent>{reason}</TooltipContent>
      </Tooltip>
      <span id={reasonId} hidden>
        {reason}
      </span>
    </>
  )
})
