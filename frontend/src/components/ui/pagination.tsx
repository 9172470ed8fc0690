import { ChevronLeft, ChevronRight } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'
import { localeOf } from '@/lib/format'

/** "1–25 of 120 · Page 1 of 5 · Previous / Next" for a server-paged list (pages start at 1). */
export function Pagination({
  page,
  limit,
  total,
  onPage,
  disabled,
}: {
  page: number
  limit: number
  total: number
  onPage: (page: number) => void
  disabled?: boolean
}) {
  const { t, lang } = useI18n()
  const pages = Math.max(1, Math.ceil(total / limit))
  const from = total === 0 ? 0 : (page - 1) * limit + 1
  const to = Math.min(total, page * limit)
  const n = (value: number) => value.toLocaleString(localeOf(lang))
  return (
    <nav aria-label={t('common.pagination')} className="flex flex-wrap items-center justify-between gap-3 text-sm">
      <p className="text-muted-foreground" aria-live="polite">
        {t('common.showing', { from: n(from), to: n(to), total: n(total) })}
      </p>
      <div className="flex items-center gap-2">
        <span className="text-muted-foreground">{t('common.pageOf', { page: n(page), pages: n(pages) })}</span>
        <Button variant="outline" size="sm" onClick={() => onPage(page - 1)} disabled={disabled || page <= 1}>
          <ChevronLeft aria-hidden />
          {t('common.previous')}
        </Button>
        <Button variant="outline" size="sm" onClick={() => onPage(page + 1)} disabled={disabled || page >= pages}>
          {t('common.next')}
          <ChevronRight aria-hidden />
        </Button>
      </div>
    </nav>
  )
}
