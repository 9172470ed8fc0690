import { ChevronLeft, ChevronRight } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
import { cn } from '@/lib/utils'

/** The page numbers to show: first, last, and the neighbours of the current page; null marks a gap. */
export function pageWindow(current: number, last: number): (number | null)[] {
  const wanted = new Set([1, last, current - 1, current, current + 1].filter((p) => p >= 1 && p <= last))
  const sorted = [...wanted].sort((a, b) => a - b)
  const out: (number | null)[] = []
  sorted.forEach((p, i) => {
    if (i > 0 && p - sorted[i - 1] > 1) out.push(null)
    out.push(p)
  })
  return out
}

/** Prev / page numbers / next. `last` is the last page we know of (total given, or the next one when has_more). */
export function Pager({
  page,
  last,
  hasMore,
  busy,
  onPage,
}: {
  page: number
  last: number
  hasMore: boolean
  busy: boolean
  onPage: (page: number) => void
}) {
  const { t } = useI18n()
  return (
    <nav aria-label={t('hs.pagination')} className="flex flex-wrap items-center justify-center gap-1" data-testid="pager">
      <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={page <= 1 || busy}>
        <ChevronLeft aria-hidden />
        {t('hs.prev')}
      </Button>
      {pageWindow(page, last).map((p, i) =>
        p == null ? (
          <span key={`gap-${i}`} className="px-1 text-muted-foreground" aria-hidden>
            …
          </span>
        ) : (
          <button
            key={p}
            type="button"
            onClick={() => onPage(p)}
            disabled={busy && p !== page}
            aria-current={p === page ? 'page' : undefined}
            aria-label={t('hs.pageN', { page: p })}
            className={cn(
              'inline-flex h-8 min-w-8 items-center justify-center rounded-lg px-2 text-sm font-medium tabular-nums',
              p === page ? 'bg-primary text-primary-foreground' : 'hover:bg-accent disabled:opacity-50',
            )}
          >
            {p}
          </button>
        ),
      )}
      <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={!hasMore || busy}>
        {t('hs.next')}
        <ChevronRight aria-hidden />
      </Button>
    </nav>
  )
}
