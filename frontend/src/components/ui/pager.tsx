import { useEffect, useRef, type ReactNode, type RefObject } from 'react'
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
import { localeOf } from '@/lib/format'
import { cn } from '@/lib/utils'

/**
 * The page numbers to show: the first, the last, and two neighbours each side of the current page; null marks a
 * gap. A gap of one page shows that page instead, so the row never says "1 … 3".
 */
export function pageWindow(current: number, last: number, neighbours = 1): (number | null)[] {
  const wanted = new Set<number>([1, last])
  for (let p = current - neighbours; p <= current + neighbours; p++) wanted.add(p)
  const sorted = [...wanted].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b)
  const out: (number | null)[] = []
  sorted.forEach((p, i) => {
    const prev = sorted[i - 1]
    if (i > 0 && p - prev === 2) out.push(prev + 1)
    else if (i > 0 && p - prev > 2) out.push(null)
    out.push(p)
  })
  return out
}

export interface PagerProps {
  page: number
  /** The last page known: from the total, or (when the total is unknown) the next one while there is more. */
  last: number
  /** False when the total is unknown (cursor paging): no "Last page" button, a trailing gap while there is more. */
  lastKnown?: boolean
  /** More pages after the current one (defaults to page < last). */
  hasMore?: boolean
  /** A page is loading: clicks wait, focus stays where it is (buttons are aria-disabled, never disabled). */
  busy?: boolean
  onPage: (page: number) => void
  /** The top of the list being paged: scrolled into view after each page change. */
  scrollTarget?: RefObject<HTMLElement | null>
  /** "1–20 of 1,000" next to the buttons, when the caller has it. */
  summary?: { from: number; to: number; total: number }
  /** A "per page" choice next to the buttons. */
  pageSize?: { value: number; options: readonly number[]; onChange: (size: number) => void }
  label: string
  testId?: string
}

/**
 * The one pager of the page (block A and block B): first / previous / numbered pages with gaps / next / last.
 * Buttons are never `disabled` (a disabled button drops keyboard focus to the page body); a page change keeps the
 * focus on the pressed button and brings the top of the list into view.
 */
export function Pager({ page, last, lastKnown = true, hasMore, busy = false, onPage, scrollTarget, summary, pageSize, label, testId = 'pager' }: PagerProps) {
  const { t, lang } = useI18n()
  const nav = useRef<HTMLElement>(null)
  const moved = useRef(false)
  const more = hasMore ?? page < last
  const n = (value: number) => value.toLocaleString(localeOf(lang))

  function go(target: number, inert: boolean) {
    if (inert || busy || target === page) return
    moved.current = true
    onPage(target)
    scrollTarget?.current?.scrollIntoView?.({ block: 'start' })
  }

  // Should the pressed button be gone after the change (e.g. its number left the window), keep focus in the pager.
  useEffect(() => {
    if (!moved.current) return
    moved.current = false
    const root = nav.current
    if (root && !root.contains(document.activeElement)) root.querySelector<HTMLElement>('[aria-current="page"]')?.focus({ preventScroll: true })
  }, [page])

  const edge = (target: number, inert: boolean, name: string, icon: ReactNode, text?: string) => (
    <Button
      variant="outline"
      size="sm"
      className={cn(!text && 'w-8 px-0')}
      aria-label={text ? undefined : name}
      title={text ? undefined : name}
      aria-disabled={inert || busy || undefined}
      onClick={() => go(target, inert)}
    >
      {text ? (
        target < page ? (
          <>
            {icon}
            <span className="max-sm:sr-only">{text}</span>
          </>
        ) : (
          <>
            <span className="max-sm:sr-only">{text}</span>
            {icon}
          </>
        )
      ) : (
        icon
      )}
    </Button>
  )

  const numbers = pageWindow(page, last)
  return (
    <nav ref={nav} aria-label={label} className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 text-sm" data-testid={testId}>
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-muted-foreground">
        <p className="tabular-nums" aria-live="polite">
          {summary
            ? `${t('common.showing', { from: n(summary.from), to: n(summary.to), total: n(summary.total) })} · ${t('common.pageOf', { page: n(page), pages: n(last) })}`
            : lastKnown
              ? t('common.pageOf', { page: n(page), pages: n(last) })
              : t('pager.pageN', { page: n(page) })}
        </p>
        {pageSize && (
          <label className="inline-flex items-center gap-1.5">
            {t('pager.perPage')}
            <select
              value={pageSize.value}
              onChange={(e) => pageSize.onChange(Number(e.target.value))}
              className="h-8 rounded-lg border border-input bg-card px-1.5 text-sm text-foreground"
              data-testid={`${testId}-size`}
            >
              {pageSize.options.map((size) => (
                <option key={size} value={size}>
                  {size}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      {(last > 1 || more || page > 1) && (
        <div className="flex flex-wrap items-center gap-1">
          {edge(1, page <= 1, t('pager.first'), <ChevronsLeft aria-hidden />)}
          {edge(page - 1, page <= 1, t('common.previous'), <ChevronLeft aria-hidden />, t('common.previous'))}
          {numbers.map((p, i) =>
            p == null ? (
              <span key={i < numbers.indexOf(page) ? 'gap-start' : 'gap-end'} className="px-1 text-muted-foreground" aria-hidden>
                …
              </span>
            ) : (
              <button
                key={p}
                type="button"
                onClick={() => go(p, false)}
                aria-current={p === page ? 'page' : undefined}
                aria-disabled={(busy && p !== page) || undefined}
                aria-label={t('pager.pageN', { page: n(p) })}
                className={cn(
                  'inline-flex h-8 min-w-8 items-center justify-center rounded-lg px-2 text-sm font-medium tabular-nums',
                  'focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring',
                  p === page ? 'bg-primary text-primary-foreground' : 'hover:bg-accent aria-disabled:opacity-50',
                )}
              >
                {n(p)}
              </button>
            ),
          )}
          {!lastKnown && more && (
            <span className="px-1 text-muted-foreground" aria-hidden>
              …
            </span>
          )}
          {edge(page + 1, !more, t('common.next'), <ChevronRight aria-hidden />, t('common.next'))}
          {lastKnown && edge(last, page >= last, t('pager.last'), <ChevronsRight aria-hidden />)}
        </div>
      )}
    </nav>
  )
}
