import { cn } from '@/lib/utils'

export function navItemClasses(active: boolean, className?: string): string {
  return cn(
    'inline-flex h-9 shrink-0 items-center gap-1 rounded-md px-2.5 text-sm font-medium whitespace-nowrap transition-colors sm:gap-1.5 sm:px-3',
    // as in Nebula's own navigation: the current place is the teal pill
    active ? 'rim-light bg-primary text-primary-foreground hover:bg-primary/90' : 'text-muted-foreground hover:bg-accent hover:text-foreground',
    className,
  )
}
