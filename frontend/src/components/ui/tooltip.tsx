import { forwardRef, type ComponentPropsWithoutRef, type ComponentRef } from 'react'
import * as T from '@radix-ui/react-tooltip'
import { cn } from '@/lib/utils'

export const TooltipProvider = T.Provider
export const Tooltip = T.Root
export const TooltipTrigger = T.Trigger

/** Tooltips only add detail; never put the only label of a control in one. */
export const TooltipContent = forwardRef<ComponentRef<typeof T.Content>, ComponentPropsWithoutRef<typeof T.Content>>(
  function TooltipContent({ className, sideOffset = 6, ...props }, ref) {
    return (
      <T.Portal>
        <T.Content
          ref={ref}
          sideOffset={sideOffset}
          className={cn(
            'z-50 max-w-72 rounded-md border bg-popover px-3 py-2 text-sm leading-snug text-popover-foreground shadow-md',
            className,
          )}
          {...props}
        />
      </T.Portal>
    )
  },
)
