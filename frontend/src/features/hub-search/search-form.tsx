import { Loader2, Search } from 'lucide-react'
import { Input, Select } from '@/components/ui/input'
import { useI18n } from '@/i18n'
import { cn } from '@/lib/utils'
import { PROVIDERS, SEARCH_SORTS, type CatalogProvider, type SearchSort } from '@/lib/types'
import type { HubAvailability } from './hub-health'
import { TASKS, taskLabel } from './tasks'
import type { useSearchState } from './use-search-state'

/** Block B's controls: which hub, what text, which task, which order. */
export function SearchForm({
  state,
  availability,
  searching,
}: {
  state: ReturnType<typeof useSearchState>
  availability: HubAvailability | undefined
  searching: boolean
}) {
  const { t } = useI18n()
  const hubOff = (p: CatalogProvider) => {
    if (!availability) return false
    const problem = availability.hubs.find((h) => h.provider === p)?.problem
    return problem === undefined || problem === 'disabled' || problem === 'circuit_open'
  }
  // ModelScope has no trending order
  const sorts = SEARCH_SORTS.filter((s) => state.provider !== 'modelscope' || s !== 'trending')
  return (
    <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
      <fieldset className="shrink-0">
        <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{t('hs.hub')}</legend>
        <div role="radiogroup" aria-label={t('hs.hub')} className="inline-flex rounded-lg border bg-muted p-0.5">
          {PROVIDERS.map((p) => (
            <label
              key={p}
              className={cn(
                'relative inline-flex h-9 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-muted-foreground',
                'has-[:checked]:bg-card has-[:checked]:text-foreground has-[:checked]:shadow-sm',
                'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
                hubOff(p) && 'cursor-not-allowed opacity-50',
              )}
            >
              <input
                type="radio"
                name="hub-provider"
                value={p}
                checked={state.provider === p}
                disabled={hubOff(p)}
                onChange={() => state.setProvider(p)}
                className="sr-only"
              />
              {t(`provider.${p}`)}
            </label>
          ))}
        </div>
      </fieldset>

      <label className="min-w-0 flex-1">
        <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.searchLabel')}</span>
        <span className="relative block">
          <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
          <Input
            type="search"
            iconRoom
            value={state.text}
            onChange={(e) => state.setText(e.target.value)}
            placeholder={t('hs.searchPlaceholder')}
            maxLength={200}
            data-testid="search-input"
          />
          {searching && <Loader2 className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-muted-foreground" aria-hidden />}
        </span>
      </label>

      <div className="grid grid-cols-2 gap-3 lg:flex">
        <label className="min-w-0">
          <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.taskLabel')}</span>
          <Select value={state.task} onChange={(e) => state.setTask(e.target.value)} className="lg:w-52" data-testid="task-select">
            <option value="">{t('hs.task.all')}</option>
            {TASKS.map((id) => (
              <option key={id} value={id}>
                {taskLabel(t, id)}
              </option>
            ))}
          </Select>
        </label>
        <label className="min-w-0">
          <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.sortLabel')}</span>
          <Select value={state.sort} onChange={(e) => state.setSort(e.target.value as SearchSort)} className="lg:w-44" data-testid="sort-select">
            {sorts.map((id) => (
              <option key={id} value={id}>
                {t(`hs.sort.${id}`)}
              </option>
            ))}
          </Select>
        </label>
      </div>
    </div>
  )
}
