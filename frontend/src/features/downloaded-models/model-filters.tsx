import { Input, Label, Select } from '@/components/ui/input'
import { useI18n } from '@/i18n'
import type { DownloadedModelsQuery, DownloadedModelState, ModelSourceName } from '@/lib/types'
import { SORTS, SOURCES, STATES, type ModelSort, type SortOrder } from './url-state'

/** Block A's filters: text (applied while typing, once the user pauses), state, source, sort and order. */
export function ModelFilters({
  query,
  text,
  onText,
  onApplyText,
  onChange,
}: {
  query: DownloadedModelsQuery
  text: string
  onText: (text: string) => void
  /** Apply the text now (Enter). */
  onApplyText: () => void
  onChange: (patch: Partial<DownloadedModelsQuery>) => void
}) {
  const { t } = useI18n()
  return (
    <form
      className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-[1fr_10rem_10rem_10rem_9rem] lg:items-end"
      onSubmit={(e) => {
        e.preventDefault()
        onApplyText()
      }}
    >
      <div className="col-span-2 grid gap-1.5 sm:col-span-4 lg:col-span-1">
        <Label htmlFor="models-q">{t('models.searchLabel')}</Label>
        <Input id="models-q" type="search" maxLength={200} placeholder={t('models.search')} value={text} onChange={(e) => onText(e.target.value)} />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="models-state">{t('models.state')}</Label>
        <Select id="models-state" value={query.state ?? ''} onChange={(e) => onChange({ state: (e.target.value || undefined) as DownloadedModelState | undefined })}>
          <option value="">{t('common.all')}</option>
          {STATES.map((s) => (
            <option key={s} value={s}>
              {t(`models.state.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="models-source">{t('models.source')}</Label>
        <Select id="models-source" value={query.source ?? ''} onChange={(e) => onChange({ source: (e.target.value || undefined) as ModelSourceName | undefined })}>
          <option value="">{t('common.all')}</option>
          {SOURCES.map((s) => (
            <option key={s} value={s}>
              {s === 'local' ? t('models.source.local') : t(`provider.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="models-sort">{t('models.sort')}</Label>
        <Select id="models-sort" value={query.sort} onChange={(e) => onChange({ sort: e.target.value as ModelSort })}>
          {/* an old address may still ask for last_used: it stays selectable there, but is not offered */}
          {(query.sort && !(SORTS as readonly string[]).includes(query.sort) ? [...SORTS, query.sort] : SORTS).map((s) => (
            <option key={s} value={s}>
              {s === 'last_used' ? t('models.sort.last_seen_running') : t(`models.sort.${s}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor="models-order">{t('models.order')}</Label>
        <Select id="models-order" value={query.order} onChange={(e) => onChange({ order: e.target.value as SortOrder })}>
          <option value="asc">{t('models.order.asc')}</option>
          <option value="desc">{t('models.order.desc')}</option>
        </Select>
      </div>
    </form>
  )
}
