import { cn } from '@/lib/utils'

export function navItemClasses(active: boolean, className?: string): string {
  return cn(
    'inline-flex h-9 items-center gap-1.5 rounded-lg px-3 text-sm font-medium transition-colors',
    'hover:bg-accent hover:text-foreground',
    active ? 'bg-accent text-foreground' : 'text-muted-foreground',
    className,
  )
}
