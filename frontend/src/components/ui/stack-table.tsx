import type { HTMLAttributes, ReactNode, TdHTMLAttributes, ThHTMLAttributes } from 'react'
import { cn } from '@/lib/utils'

/**
 * A table that is a real table from `lg` up and a stack of labelled cards below it, so a narrow screen
 * never scrolls sideways. One DOM for both (explicit ARIA roles keep the table semantics when the CSS
 * display changes); each cell repeats its column name through `data-label` on small screens.
 */
export function StackTable({ className, ...props }: HTMLAttributes<HTMLTableElement>) {
  return (
    <div className="lg:overflow-x-auto">
      <table role="table" className={cn('block w-full border-collapse text-sm lg:table', className)} {...props} />
    </div>
  )
}

export function StackHead({ children }: { children: ReactNode }) {
  return (
    <thead role="rowgroup" className="sr-only lg:not-sr-only lg:table-header-group">
      <tr role="row" className="border-b">
        {children}
      </tr>
    </thead>
  )
}

export function StackTh({ className, ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      role="columnheader"
      scope="col"
      className={cn('px-3 py-2.5 text-left text-xs font-semibold whitespace-nowrap text-muted-foreground', className)}
      {...props}
    />
  )
}

export function StackBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody role="rowgroup" className={cn('block space-y-3 lg:table-row-group lg:space-y-0', className)} {...props} />
}

export function StackRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return (
    <tr
      role="row"
      className={cn(
        'block rounded-lg border bg-card p-3 lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 lg:last:border-b-0 lg:hover:bg-muted/50',
        className,
      )}
      {...props}
    />
  )
}

export function StackCell({ label, className, ...props }: TdHTMLAttributes<HTMLTableCellElement> & { label: string }) {
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        'flex min-w-0 items-baseline gap-3 py-1 align-top',
        'before:w-28 before:shrink-0 before:text-xs before:font-medium before:text-muted-foreground before:content-[attr(data-label)]',
        'lg:table-cell lg:px-3 lg:py-2.5 lg:before:content-none',
        className,
      )}
      {...props}
    />
  )
}
