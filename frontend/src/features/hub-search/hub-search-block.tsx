import { useState } from 'react'
import { CloudOff, Search } from 'lucide-react'
import { Alert } from '@/components/ui/alert'
import { Button } from '@/components/ui/button'
import { CatalogBlock } from '@/components/ui/catalog-block'
import { useCapabilities } from '@/features/capabilities/use-capabilities'
import { useI18n, type MessageKey } from '@/i18n'
import { hubFailureText, hubParams } from '@/lib/error-text'
import { scrollToDownloadedModels, useHighlightUid } from '@/lib/highlight'
import type { ImportResult } from '@/lib/types'
import { hubAvailability, type HubAvailability, type HubProblem } from './hub-health'
import { SearchPanel } from './search-panel'

const PROBLEM_KEYS: Record<Exclude<HubProblem, 'refused'>, MessageKey> = {
  disabled: 'hs.problem.disabled',
  circuit_open: 'hs.problem.circuitOpen',
  unreachable: 'hs.problem.unreachable',
}

export interface HubSearchBlockProps {
  /** Called after a model was imported; by default block A is scrolled into view and told to highlight the uid. */
  onImported?: (result: ImportResult) => void
}

/**
 * Block B: search Hugging Face / ModelScope and import a result. When no hub can be searched (all disabled, paused
 * or unreachable) the block collapses into a notice that says why and what would fix it, so the page shows block A
 * only; an operator may still try.
 */
export function HubSearchBlock({ onImported }: HubSearchBlockProps) {
  const caps = useCapabilities()
  const availability = hubAvailability(caps.data)
  const [, setHighlight] = useHighlightUid()
  // block A is the place to follow an import, or to find a model the cluster already holds
  const showInBlockA = (uid: string | null | undefined) => {
    setHighlight(uid ?? null)
    scrollToDownloadedModels()
  }
  const handleImported = onImported ?? ((result: ImportResult) => showInBlockA(result.model_uid))
  const [override, setOverride] = useState(false)
  const canTryAnyway = availability?.hubs.some((h) => h.problem === 'unreachable' || h.problem === 'refused') ?? false
  return availability && availability.usable.length === 0 && !override ? (
    <HubsUnavailable availability={availability} onTryAnyway={canTryAnyway ? () => setOverride(true) : undefined} />
  ) : (
    <SearchPanel
      availability={availability}
      ready={caps.data != null || caps.isError}
      onImported={handleImported}
      onShowInCluster={(uid) => showInBlockA(uid)}
    />
  )
}

function HubsUnavailable({ availability, onTryAnyway }: { availability: HubAvailability; onTryAnyway?: () => void }) {
  const { t } = useI18n()
  const unreachable = availability.hubs.filter((h) => h.problem === 'unreachable')
  return (
    <CatalogBlock id="hub-search" icon={<Search aria-hidden />} title={t('search.title')} description={t('search.description')}>
      <Alert tone="warning" icon={<CloudOff aria-hidden />} title={t('hs.unavailableTitle')} data-testid="hub-search-unavailable">
        {availability.hubs.length === 0 ? (
          t('hs.noHubsConfigured')
        ) : (
          <div className="space-y-1.5">
            <p>{t('hs.unavailableLead')}</p>
            <ul className="list-disc space-y-1 pl-5">
              {availability.hubs.map((hub) => (
                <li key={hub.provider}>
                  {/* a hub that refused was reached: say what it answered, not "cannot be reached" */}
                  {hub.problem === 'refused'
                    ? hubFailureText(t, hub.reason!, hub.provider)
                    : t(PROBLEM_KEYS[hub.problem ?? 'unreachable'], { hub: t(`provider.${hub.provider}`) })}
                </li>
              ))}
            </ul>
            {unreachable.length > 0 && (
              <p className="text-foreground" data-testid="mirror-hint">
                {t('hs.mirrorHint', { variables: unreachable.map((h) => h.variable || hubParams(t, h.provider).variable).join(' / ') })}
              </p>
            )}
          </div>
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
