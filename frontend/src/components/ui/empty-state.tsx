import type { ReactNode } from 'react'
import { cn } from '@/lib/utils'

/** A quiet, centred message for a region that has nothing to show (yet). */
export function EmptyState({
  icon,
  title,
  children,
  className,
}: {
  icon: ReactNode
  title: string
  children?: ReactNode
  className?: string
}) {
  return (
    <div
      className={cn(
        'flex flex-col items-center justify-center gap-2 rounded-lg border border-dashed bg-muted/40 px-6 py-10 text-center',
        '[&>svg]:size-8 [&>svg]:text-muted-foreground',
        className,
      )}
    >
      {icon}
      <p className="text-base font-semibold">{title}</p>
      {children && <p className="max-w-md text-sm text-muted-foreground">{children}</p>}
    </div>
  )
}
