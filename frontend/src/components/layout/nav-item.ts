import { cn } from '@/lib/utils'

export function navItemClasses(active: boolean, className?: string): string {
  return cn(
    'inline-flex h-9 shrink-0 items-center gap-1 rounded-lg px-2.5 text-sm font-medium whitespace-nowrap transition-colors sm:gap-1.5 sm:px-3',
    'hover:bg-accent hover:text-foreground',
    active ? 'bg-accent text-foreground' : 'text-muted-foreground',
    className,
  )
}
