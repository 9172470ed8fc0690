import { createContext, useContext, type HTMLAttributes, type ReactNode, type TdHTMLAttributes, type ThHTMLAttributes } from 'react'
import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react'
import { cn } from '@/lib/utils'

/**
 * `list`: below `lg` each row is a card of label / value lines (few columns, e.g. the audit log).
 * `cards`: below `lg` each row is a compact card, its cells in a grid of small labelled facts (3 across, 6 from
 * `sm`), for wide tables whose cards would otherwise be very tall.
 */
export type StackVariant = 'list' | 'cards'
const Variant = createContext<StackVariant>('list')

export interface StackTableProps extends HTMLAttributes<HTMLTableElement> {
  variant?: StackVariant
  /**
   * Column widths from `lg` (one class string per column, e.g. `'lg:w-28 xl:w-32'`, or `''` for the column that
   * takes the rest). Given, the table lays out with `table-layout: fixed`: widths follow these, never the content,
   * so they do not move when the rows change, and the table never grows wider than its box.
   */
  columns?: string[]
}

/**
 * A table that is a real table from `lg` up and a stack of labelled cards below it, so a narrow screen
 * never scrolls sideways. One DOM for both (explicit ARIA roles keep the table semantics when the CSS
 * display changes); each cell repeats its column name through `data-label` on small screens.
 */
export function StackTable({ className, variant = 'list', columns, children, ...props }: StackTableProps) {
  return (
    <Variant.Provider value={variant}>
      {/* without fixed widths a wide table may scroll sideways: the box is then focusable, so a keyboard user can
          scroll it too (the table inside carries the name) */}
      <div className={columns ? undefined : 'lg:overflow-x-auto'} tabIndex={columns ? undefined : 0}>
        <table role="table" className={cn('block w-full border-collapse text-sm lg:table', columns && 'lg:table-fixed', className)} {...props}>
          {columns && (
            <colgroup className="hidden lg:table-column-group">
              {columns.map((width, i) => (
                <col key={i} className={width || undefined} />
              ))}
            </colgroup>
          )}
          {children}
        </table>
      </div>
    </Variant.Provider>
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
  const variant = useContext(Variant)
  return (
    <th
      role="columnheader"
      scope="col"
      className={cn(
        'text-left text-xs font-semibold whitespace-nowrap text-muted-foreground',
        variant === 'cards' ? 'overflow-hidden px-2.5 py-2 text-ellipsis' : 'px-3 py-2.5',
        className,
      )}
      {...props}
    />
  )
}

export function StackBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  const variant = useContext(Variant)
  return (
    <tbody
      role="rowgroup"
      className={cn('block lg:table-row-group lg:space-y-0', variant === 'cards' ? 'space-y-2' : 'space-y-3', className)}
      {...props}
    />
  )
}

export function StackRow({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  const variant = useContext(Variant)
  return (
    <tr
      role="row"
      className={cn(
        'rounded-lg border bg-card lg:table-row lg:rounded-none lg:border-0 lg:border-b lg:p-0 lg:last:border-b-0 lg:hover:bg-muted/50',
        variant === 'cards' ? 'grid grid-cols-3 gap-x-3 gap-y-0.5 px-3 py-2 sm:grid-cols-6' : 'block p-3',
        className,
      )}
      {...props}
    />
  )
}

export function StackCell({
  label,
  bare = false,
  className,
  ...props
}: TdHTMLAttributes<HTMLTableCellElement> & {
  label: string
  /** Cards only: no column name in front (a cell that names itself, e.g. the title or the actions). */
  bare?: boolean
}) {
  const variant = useContext(Variant)
  return (
    <td
      role="cell"
      data-label={label}
      className={cn(
        variant === 'cards'
          ? [
              'flex min-w-0 flex-col gap-0.5',
              !bare && 'before:text-[0.6875rem] before:leading-4 before:font-medium before:text-muted-foreground before:content-[attr(data-label)]',
              'lg:table-cell lg:px-2.5 lg:py-2 lg:align-top lg:before:content-none',
            ]
          : [
              'flex min-w-0 items-baseline gap-3 py-1 align-top',
              'before:w-28 before:shrink-0 before:text-xs before:font-medium before:text-muted-foreground before:content-[attr(data-label)]',
              'lg:table-cell lg:px-3 lg:py-2.5 lg:before:content-none',
            ],
        className,
      )}
      {...props}
    />
  )
}

/**
 * A column header the rows can be sorted by: a button that says the current order (`aria-sort` on the header), with an
 * arrow; a first press asks for the column's usual order, the next one flips it (the caller decides).
 */
export function SortableTh({
  name,
  active,
  order,
  onSort,
  hint,
  before,
  testId,
}: {
  name: string
  active: boolean
  order: 'asc' | 'desc'
  onSort: () => void
  hint?: string
  /** Something in front of the button (a "select all" checkbox). */
  before?: ReactNode
  testId?: string
}) {
  const Icon = !active ? ArrowUpDown : order === 'asc' ? ArrowUp : ArrowDown
  return (
    <StackTh aria-sort={active ? (order === 'asc' ? 'ascending' : 'descending') : 'none'}>
      {before}
      <button
        type="button"
        onClick={onSort}
        title={hint}
        className="-mx-1 inline-flex max-w-full items-center gap-1 rounded px-1 py-0.5 hover:text-foreground focus-visible:outline-2 focus-visible:outline-ring data-[active]:text-foreground"
        data-active={active || undefined}
        data-testid={testId}
      >
        <span className="truncate">{name}</span>
        <Icon className={active ? 'size-3.5 shrink-0' : 'size-3.5 shrink-0 opacity-40'} aria-hidden />
      </button>
    </StackTh>
  )
}
