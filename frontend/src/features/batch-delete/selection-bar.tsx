import type { ReactNode } from 'react'
import { X } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { useI18n } from '@/i18n'

/**
 * What is selected for a batch action, and the action: pinned to the bottom of the viewport while its block scrolls,
 * so the action stays in reach from any row. The count is announced as it changes.
 */
export function SelectionBar({ count, children, onClear, testId }: { count: string; children: ReactNode; onClear: () => void; testId?: string }) {
  const { t } = useI18n()
  return (
    <div
      className="sticky bottom-3 z-20 mt-4 flex flex-wrap items-center justify-between gap-x-4 gap-y-2 rounded-xl border border-primary/30 bg-card px-4 py-2.5 shadow-lg"
      data-testid={testId}
    >
      <p className="text-sm font-medium" aria-live="polite">
        {count}
      </p>
      <div className="flex flex-wrap items-center gap-2">
        {children}
        <Button variant="ghost" size="sm" onClick={onClear}>
          <X aria-hidden />
          {t('select.clear')}
        </Button>
      </div>
    </div>
  )
}
