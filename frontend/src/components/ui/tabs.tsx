import { useRef, type KeyboardEvent, type ReactNode } from 'react'
import { cn } from '@/lib/utils'

export interface TabItem<T extends string> {
  value: T
  label: string
  icon?: ReactNode
}

/**
 * A row of tabs (WAI-ARIA tabs: arrow keys, Home and End move between them, only the current one is in the tab
 * order). Each tab controls the panel `${idBase}-panel`, labelled by the current tab (see {@link tabPanelProps}).
 */
export function Tabs<T extends string>({
  label,
  items,
  value,
  onChange,
  idBase,
}: {
  label: string
  items: TabItem<T>[]
  value: T
  onChange: (value: T) => void
  idBase: string
}) {
  const list = useRef<HTMLDivElement>(null)
  const move = (event: KeyboardEvent, index: number) => {
    const last = items.length - 1
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: last }[event.key]
    if (next == null) return
    event.preventDefault()
    const target = items[(next + items.length) % items.length]
    onChange(target.value)
    list.current?.querySelector<HTMLElement>(`[data-value="${target.value}"]`)?.focus()
  }
  return (
    <div ref={list} role="tablist" aria-label={label} className="flex gap-1 overflow-x-auto border-b" data-testid={`${idBase}-tabs`}>
      {items.map((item, index) => {
        const selected = item.value === value
        return (
          <button
            key={item.value}
            type="button"
            role="tab"
            id={`${idBase}-tab-${item.value}`}
            aria-selected={selected}
            aria-controls={`${idBase}-panel`}
            tabIndex={selected ? 0 : -1}
            data-value={item.value}
            onClick={() => onChange(item.value)}
            onKeyDown={(e) => move(e, index)}
            className={cn(
              '-mb-px inline-flex h-10 shrink-0 items-center gap-2 rounded-t-md border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors',
              'focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-ring [&_svg]:size-4 [&_svg]:shrink-0',
              selected ? 'border-primary text-foreground' : 'border-transparent text-muted-foreground hover:bg-accent/60 hover:text-foreground',
            )}
          >
            {item.icon}
            {item.label}
          </button>
        )
      })}
    </div>
  )
}

/** The props of the panel a {@link Tabs} row controls. */
export function tabPanelProps(idBase: string, value: string) {
  return { role: 'tabpanel', id: `${idBase}-panel`, 'aria-labelledby': `${idBase}-tab-${value}` } as const
}
