import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { useSearchParams } from 'wouter'
import { CloudOff, Loader2, Search, SearchX } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { EmptyState } from '@/components/ui/empty-state'
import { Pager } from '@/components/ui/pager'
import { Skeleton } from '@/components/ui/skeleton'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { useHighlightUid, scrollToDownloadedModels } from '@/lib/highlight'
import { Toaster } from '@/features/import-dialog/toaster'
import type { ImportResult } from '@/features/import-dialog/types'
import { useI18n, type MessageKey } from '@/i18n'
import { cn } from '@/lib/utils'
import { HIGHLIGHT_NOTICE_ID } from '@/features/downloaded-models/url-state'
import { HubErrorBox } from './error-box'
import { hubAvailability, type HubAvailability, type HubProblem } from './hub-health'
import { ResultList } from './result-list'
import type { Provider, SearchItem, SearchSort } from './types'
import { useDebouncedValue } from '@/lib/use-debounced-value'
import { useHubSearch } from './use-hub-search'
import { hubFailureText } from '@/lib/notice'

// Opened on demand only: their code (Radix dialog, file table, pre-flight form) loads on first use.
const MetadataDrawer = lazy(() => import('./metadata-drawer').then((m) => ({ default: m.MetadataDrawer })))
const ImportDialog = lazy(() => import('@/features/import-dialog/import-dialog').then((m) => ({ default: m.ImportDialog })))

export const PAGE_SIZE = 20
export const SEARCH_DEBOUNCE_MS = 400
const PROVIDERS: Provider[] = ['huggingface', 'modelscope']
/** Block B's part of the address: the hub, the search text and the page (a reload shows the same results). */
export const HUB_PARAMS = { provider: 'hub', q: 'hub_q', page: 'hub_page' } as const
/** Hugging Face pages by cursor; deeper than this without one the service says page_too_deep. */
const MAX_LINK_PAGE = 100

function readHubParams(params: URLSearchParams) {
  const provider = PROVIDERS.find((p) => p === params.get(HUB_PARAMS.provider)) ?? 'huggingface'
  const q = (params.get(HUB_PARAMS.q) ?? '').slice(0, 200)
  const page = Number(params.get(HUB_PARAMS.page))
  return { provider, q, page: Number.isInteger(page) && page >= 1 && page <= MAX_LINK_PAGE ? page : 1 }
}

/** Hub task ids offered as filters (the hubs' own ids; labels say the common names). */
export const TASKS: { id: string; label: MessageKey }[] = [
  { id: 'text-generation', label: 'hs.task.textGeneration' },
  { id: 'image-text-to-text', label: 'hs.task.imageTextToText' },
  { id: 'feature-extraction', label: 'hs.task.featureExtraction' },
  { id: 'sentence-similarity', label: 'hs.task.sentenceSimilarity' },
  { id: 'text-ranking', label: 'hs.task.textRanking' },
  { id: 'text-to-image', label: 'hs.task.textToImage' },
  { id: 'automatic-speech-recognition', label: 'hs.task.asr' },
  { id: 'text-to-speech', label: 'hs.task.tts' },
]

const SORTS: { id: SearchSort; label: MessageKey }[] = [
  { id: 'downloads', label: 'hs.sort.downloads' },
  { id: 'likes', label: 'hs.sort.likes' },
  { id: 'updated', label: 'hs.sort.updated' },
  { id: 'trending', label: 'hs.sort.trending' },
]

const PROBLEM_KEYS: Record<HubProblem, MessageKey> = {
  disabled: 'hs.problem.disabled',
  circuit_open: 'hs.problem.circuitOpen',
  failing: 'hs.problem.failing',
}

export interface HubSearchBlockProps {
  /** Called after a model was imported; by default block A is scrolled into view and told to highlight the uid. */
  onImported?: (result: ImportResult) => void
}

/**
 * Block B: search Hugging Face / ModelScope and import a result. When no hub can be searched (all disabled, paused
 * or failing) the block collapses into a one-sentence notice so the page shows block A only.
 */
export function HubSearchBlock({ onImported }: HubSearchBlockProps) {
  const caps = useCapabilities()
  const availability = hubAvailability(caps.data)
  const [, setHighlight] = useHighlightUid()
  const handleImported =
    onImported ??
    ((result: ImportResult) => {
      setHighlight(result.model_uid ?? null)
      scrollToDownloadedModels()
    })

  const [override, setOverride] = useState(false)
  // A hub whose last call failed is only tried again when someone searches it; let the operator do that.
  const canTryAnyway = availability?.hubs.some((h) => h.problem === 'failing') ?? false
  return (
    <>
      {availability && availability.usable.length === 0 && !override ? (
        <HubsUnavailable availability={availability} onTryAnyway={canTryAnyway ? () => setOverride(true) : undefined} />
      ) : (
        <SearchPanel availability={availability} ready={caps.data != null || caps.isError} onImported={handleImported} />
      )}
      <Toaster />
    </>
  )
}

function HubsUnavailable({ availability, onTryAnyway }: { availability: HubAvailability; onTryAnyway?: () => void }) {
  const { t } = useI18n()
  return (
    <CatalogBlock id="hub-search" icon={<Search aria-hidden />} title={t('search.title')} description={t('search.description')}>
      <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('hs.unavailableTitle')} data-testid="hub-search-unavailable">
        {availability.hubs.length === 0 ? (
          t('hs.noHubsConfigured')
        ) : (
          <>
            {t('hs.unavailableLead')}{' '}
            {availability.hubs.map((hub, i) => (
              <span key={hub.provider}>
                {i > 0 && ' '}
                {t(PROBLEM_KEYS[hub.problem ?? 'failing'], { hub: t(`provider.${hub.provider}`) })}
                {hub.problem === 'failing' && hub.reason ? ` (${hubFailureText(t, hub.reason)})` : ''}
              </span>
            ))}
          </>
        )}
        {onTryAnyway && (
          <Button variant="outline" size="sm" className="mt-3" onClick={onTryAnyway}>
            <Search aria-hidden />
            {t('hs.tryAnyway')}
          </Button>
        )}
      </Alert>
    </CatalogBlock>
  )
}

interface PagingState {
  list: string
  page: number
  /** next_cursor values we have seen, by the page they lead to. */
  cursors: Record<number, string>
}

function SearchPanel({
  availability,
  ready,
  onImported,
}: {
  availability: HubAvailability | undefined
  /** False until the capabilities are known (so a hub that is down is not asked first). */
  ready: boolean
  onImported: (result: ImportResult) => void
}) {
  const { t, lang } = useI18n()
  const usable = availability?.usable
  const [params, setParams] = useSearchParams()
  const [initial] = useState(() => readHubParams(params))
  const [provider, setProvider] = useState<Provider>(initial.provider)
  const [query, setQuery] = useState(initial.q)
  const [task, setTask] = useState('')
  const [sort, setSort] = useState<SearchSort>('downloads')
  const [details, setDetails] = useState<SearchItem | null>(null)
  const [importing, setImporting] = useState<SearchItem | null>(null)
  const resultsTop = useRef<HTMLDivElement>(null)
  const q = useDebouncedValue(query, SEARCH_DEBOUNCE_MS).trim()

  // Start on a hub that works.
  useEffect(() => {
    if (usable && usable.length > 0 && !usable.includes(provider)) setProvider(usable[0])
  }, [usable, provider])

  // A new list (provider, text, task or order) starts at page 1 with no cursors.
  const list = JSON.stringify([provider, q, task, sort])
  const [paging, setPaging] = useState<PagingState>({ list, page: initial.page, cursors: {} })
  const current = paging.list === list ? paging : { list, page: 1, cursors: {} }

  // The address follows the hub, the (debounced) text and the page; replaced, so Back is not one step per page.
  useEffect(() => {
    const next = new URLSearchParams(params)
    const put = (key: string, value: string | number, skip: string | number) => (value === skip ? next.delete(key) : next.set(key, String(value)))
    put(HUB_PARAMS.provider, provider, 'huggingface')
    put(HUB_PARAMS.q, q, '')
    put(HUB_PARAMS.page, current.page, 1)
    if (next.toString() !== params.toString()) setParams(next, { replace: true })
    // eslint-disable-next-line react-hooks/exhaustive-deps -- written when these change, from the address as it is then
  }, [provider, q, current.page])

  // Nothing is asked of a hub until there is something to look for (hub quotas are small).
  const active = q !== '' || task !== ''
  const search = useHubSearch({
    provider,
    q,
    task,
    sort,
    page: current.page,
    limit: PAGE_SIZE,
    cursor: current.cursors[current.page],
  }, ready && active)
  const data = search.data
  const showingCurrent = data != null && !search.isPlaceholderData

  function changeProvider(next: Provider) {
    setProvider(next)
    if (next === 'modelscope' && sort === 'trending') setSort('downloads')
  }

  function goToPage(page: number) {
    const cursors = { ...current.cursors }
    if (data && page === data.page + 1 && data.next_cursor) cursors[page] = data.next_cursor
    setPaging({ list, page, cursors })
  }

  const total = data?.total ?? null
  const lastPage =
    data == null
      ? 1
      : total != null
        ? Math.max(1, Math.min(100, Math.ceil(total / data.limit)))
        : data.has_more
          ? data.page + 1
          : data.page

  return (
    <CatalogBlock id="hub-search" icon={<Search aria-hidden />} title={t('search.title')} description={t('search.description')}>
      <div className="space-y-4">
        <div className="flex flex-col gap-3 lg:flex-row lg:items-end">
          <fieldset className="shrink-0">
            <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{t('hs.hub')}</legend>
            <div role="radiogroup" aria-label={t('hs.hub')} className="inline-flex rounded-lg border bg-muted p-0.5">
              {PROVIDERS.map((p) => {
                const problem = availability?.hubs.find((h) => h.provider === p)?.problem
                const disabled = availability != null && (problem === undefined ? true : problem === 'disabled' || problem === 'circuit_open')
                return (
                  <label
                    key={p}
                    className={cn(
                      'relative inline-flex h-9 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-muted-foreground',
                      'has-[:checked]:bg-card has-[:checked]:text-foreground has-[:checked]:shadow-sm',
                      'has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-ring',
                      disabled && 'cursor-not-allowed opacity-50',
                    )}
                  >
                    <input
                      type="radio"
                      name="hub-provider"
                      value={p}
                      checked={provider === p}
                      disabled={disabled}
                      onChange={() => changeProvider(p)}
                      className="sr-only"
                    />
                    {t(`provider.${p}`)}
                  </label>
                )
              })}
            </div>
          </fieldset>

          <label className="min-w-0 flex-1">
            <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.searchLabel')}</span>
            <span className="relative block">
              <Search className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted-foreground" aria-hidden />
              <input
                type="search"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                placeholder={t('hs.searchPlaceholder')}
                maxLength={200}
                className="h-10 w-full rounded-lg border border-input bg-card pr-9 pl-9 text-sm shadow-xs"
                data-testid="search-input"
              />
              {search.isFetching && (
                <Loader2 className="absolute top-1/2 right-3 size-4 -translate-y-1/2 animate-spin text-muted-foreground" aria-hidden />
              )}
            </span>
          </label>

          <div className="grid grid-cols-2 gap-3 lg:flex">
            <label className="min-w-0">
              <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.taskLabel')}</span>
              <select
                value={task}
                onChange={(e) => setTask(e.target.value)}
                className="h-10 w-full rounded-lg border border-input bg-card px-2 text-sm shadow-xs lg:w-52"
                data-testid="task-select"
              >
                <option value="">{t('hs.task.all')}</option>
                {TASKS.map((option) => (
                  <option key={option.id} value={option.id}>
                    {t(option.label)}
                  </option>
                ))}
              </select>
            </label>
            <label className="min-w-0">
              <span className="mb-1.5 block text-xs font-medium text-muted-foreground">{t('hs.sortLabel')}</span>
              <select
                value={sort}
                onChange={(e) => setSort(e.target.value as SearchSort)}
                className="h-10 w-full rounded-lg border border-input bg-card px-2 text-sm shadow-xs lg:w-40"
                data-testid="sort-select"
              >
                {SORTS.filter((s) => provider !== 'modelscope' || s.id !== 'trending').map((option) => (
                  <option key={option.id} value={option.id}>
                    {t(option.label)}
                  </option>
                ))}
              </select>
            </label>
          </div>
        </div>

        <div aria-live="polite" className="text-sm text-muted-foreground" data-testid="search-summary">
          {active && showingCurrent && data.items.length > 0 &&
            (total != null
              ? t('hs.summaryTotal', {
                  from: (data.page - 1) * data.limit + 1,
                  to: (data.page - 1) * data.limit + data.items.length,
                  total: new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-US').format(total),
                })
              : t('hs.summaryPage', { page: data.page, count: data.items.length }))}
        </div>

        {!active ? (
          <EmptyState icon={<Search aria-hidden />} title={t('hs.promptTitle', { hub: t(`provider.${provider}`) })} className="py-8">
            {t('hs.promptBody')}
          </EmptyState>
        ) : search.isError ? (
          <HubErrorBox
            key={String(search.errorUpdatedAt)}
            error={search.error}
            title={t('hs.searchError')}
            onRetry={() => void search.refetch()}
            testId="search-error"
          />
        ) : data == null ? (
          <ResultsSkeleton />
        ) : (
          <div
            ref={resultsTop}
            className={cn('scroll-mt-20 space-y-4 transition-opacity', search.isPlaceholderData && 'opacity-60')}
            aria-busy={search.isFetching}
          >
            {data.items.length === 0 ? (
              <EmptyState icon={<SearchX aria-hidden />} title={data.page > 1 ? t('hs.emptyPageTitle') : t('hs.emptyTitle')}>
                {data.page > 1 ? t('hs.emptyPageBody') : q ? t('hs.emptyBody', { q }) : t('hs.emptyBodyAll')}
              </EmptyState>
            ) : (
              <ResultList items={data.items} onDetails={setDetails} onDownload={setImporting} />
            )}
            {(data.items.length > 0 || current.page > 1) && (
              <Pager
                page={current.page}
                last={Math.max(lastPage, current.page)}
                lastKnown={total != null}
                hasMore={data.has_more}
                busy={search.isFetching}
                onPage={goToPage}
                scrollTarget={resultsTop}
                label={t('hs.pagination')}
              />
            )}
          </div>
        )}
      </div>

      <Suspense fallback={null}>
        {details && <MetadataDrawer item={details} onClose={() => setDetails(null)} />}
        {importing && (
          <ImportDialog
            key={importing.id}
            item={importing}
            focusAfterImport={() => document.getElementById(HIGHLIGHT_NOTICE_ID)}
            onClose={() => setImporting(null)}
            onImported={(result) => {
              setImporting(null)
              onImported(result)
            }}
          />
        )}
      </Suspense>
    </CatalogBlock>
  )
}

function ResultsSkeleton() {
  const { t } = useI18n()
  return (
    <div aria-busy="true" className="space-y-3" data-testid="search-loading">
      <span className="sr-only">{t('hs.loading')}</span>
      {Array.from({ length: 3 }, (_, i) => (
        <div key={i} className="space-y-2 rounded-lg border p-4">
          <Skeleton className="h-5 w-1/3" />
          <Skeleton className="h-4 w-2/3" />
          <Skeleton className="h-10" />
        </div>
      ))}
    </div>
  )
}
