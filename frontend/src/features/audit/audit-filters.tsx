import { useId, useState, type FormEvent } from 'react'
import { Filter, X } from 'lucide-react'
import { Button } from '@/components/ui/button'
import { Input, Label, Select } from '@/components/ui/input'
import { useI18n } from '@/i18n'
import type { AuditOutcome } from '@/lib/types'
import { AUDIT_OUTCOMES as OUTCOMES } from '@/lib/types'

export interface AuditFilterValues {
  action: string
  actor: string
  outcome: AuditOutcome | ''
}

export const NO_FILTERS: AuditFilterValues = { action: '', actor: '', outcome: '' }
/** Actions the service records today (the field stays free text for new ones). */
const KNOWN_ACTIONS = ['login', 'login_failed', 'logout', 'import', 'delete']

/** Action / actor / outcome filters. Text fields apply on submit; the outcome applies as soon as it changes. */
export function AuditFilters({ value, onChange }: { value: AuditFilterValues; onChange: (next: AuditFilterValues) => void }) {
  const { t } = useI18n()
  const [draft, setDraft] = useState(value)
  const id = useId()
  const filtered = value.action !== '' || value.actor !== '' || value.outcome !== ''

  const submit = (event: FormEvent) => {
    event.preventDefault()
    onChange({ ...draft, action: draft.action.trim(), actor: draft.actor.trim() })
  }

  return (
    <form
      onSubmit={submit}
      aria-label={t('audit.filters')}
      className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[1fr_1fr_12rem_auto] lg:items-end"
    >
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-action`}>{t('audit.action')}</Label>
        <Input
          id={`${id}-action`}
          list={`${id}-actions`}
          maxLength={64}
          placeholder={t('audit.actionPlaceholder')}
          value={draft.action}
          onChange={(e) => setDraft({ ...draft, action: e.target.value })}
        />
        <datalist id={`${id}-actions`}>
          {KNOWN_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-actor`}>{t('audit.actor')}</Label>
        <Input
          id={`${id}-actor`}
          maxLength={128}
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t('audit.actorPlaceholder')}
          value={draft.actor}
          onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
        />
      </div>
      <div className="grid gap-1.5">
        <Label htmlFor={`${id}-outcome`}>{t('audit.outcome')}</Label>
        <Select
          id={`${id}-outcome`}
          value={draft.outcome}
          onChange={(e) => {
            const next = { ...draft, outcome: e.target.value as AuditFilterValues['outcome'] }
            setDraft(next)
            onChange({ ...next, action: next.action.trim(), actor: next.actor.trim() })
          }}
        >
          <option value="">{t('common.all')}</option>
          {OUTCOMES.map((outcome) => (
            <option key={outcome} value={outcome}>
              {t(`audit.outcome.${outcome}`)}
            </option>
          ))}
        </Select>
      </div>
      <div className="flex gap-2 sm:col-span-2 lg:col-span-1">
        <Button type="submit" variant="default">
          <Filter aria-hidden />
          {t('audit.apply')}
        </Button>
        {filtered && (
          <Button
            variant="ghost"
            onClick={() => {
              setDraft(NO_FILTERS)
              onChange(NO_FILTERS)
            }}
          >
            <X aria-hidden />
            {t('common.clearFilters')}
          </Button>
        )}
      </div>
    </form>
  )
}
