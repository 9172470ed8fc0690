import type { HTMLAttributes, ReactNode } from 'react'
import { cn } from '@/lib/utils'

const tones = {
  info: 'border-info/30 bg-info/5 text-foreground [&>svg]:text-info',
  danger: 'border-destructive/30 bg-destructive/5 text-foreground [&>svg]:text-destructive',
  warning: 'border-warning/30 bg-warning/5 text-foreground [&>svg]:text-warning',
} as const

export interface AlertProps extends Omit<HTMLAttributes<HTMLDivElement>, 'title'> {
  tone?: keyof typeof tones
  icon?: ReactNode
  title: ReactNode
}

/** A message box with an icon, a title and optional body. Use role="alert" for errors that appear after an action. */
export function Alert({ className, tone = 'info', icon, title, children, ...props }: AlertProps) {
  return (
    <div
      className={cn('flex gap-3 rounded-xl border px-4 py-3 [&>svg]:mt-0.5 [&>svg]:size-5 [&>svg]:shrink-0', tones[tone], className)}
      {...props}
    >
      {icon}
      <div className="min-w-0 flex-1 space-y-1">
        <p className="text-sm font-semibold">{title}</p>
        {children && <div className="text-sm text-muted-foreground">{children}</div>}
      </div>
    </div>
  )
}
