import { cloneElement, isValidElement, useId, type MouseEvent, type ReactElement, type ReactNode } from 'react'
import { Tooltip, TooltipContent, TooltipTrigger } from '@/components/ui/tooltip'
import { useI18n, type Translate } from '@/i18n'
import type { Role } from '@/lib/types'
import { useRole } from './use-session'

export type GateMode = 'disable' | 'hide'

/** Why a control is out of reach for `role`, e.g. "Requires the operator role — you are signed in as viewer". */
export function gateReason(t: Translate, need: Role, role: Role | null): string {
  return role
    ? t('role.requires', { need: t(`role.${need}`), role: t(`role.${role}`) })
    : t('role.requiresSignIn', { need: t(`role.${need}`) })
}

interface GatedChildProps {
  onClick?: (event: MouseEvent<HTMLElement>) => void
  className?: string
  'aria-describedby'?: string
}

/**
 * The one way to gate a control by role. When the signed-in role is at least `need`, the child renders as is.
 * Otherwise `mode="hide"` renders `fallback` (nothing by default) and `mode="disable"` keeps the child in
 * place but inert: `aria-disabled`, clicks swallowed, still focusable so keyboard users reach the tooltip
 * that says which role it needs and which one they have (also linked as its accessible description).
 *
 * The child must be a single element that forwards refs and props (e.g. `<Button>`).
 */
export function RoleGate({
  need,
  mode = 'disable',
  fallback = null,
  children,
}: {
  need: Role
  mode?: GateMode
  fallback?: ReactNode
  children: ReactElement<GatedChildProps>
}) {
  const { t } = useI18n()
  const { role, can } = useRole()
  const reasonId = useId()
  if (can(need)) return children
  if (mode === 'hide' || !isValidElement(children)) return <>{fallback}</>

  const reason = gateReason(t, need, role)
  const describedBy = [children.props['aria-describedby'], reasonId].filter(Boolean).join(' ')
  const inert = cloneElement(children, {
    'aria-disabled': true,
    'aria-describedby': describedBy,
    'data-gated': need,
    onClick: (event: MouseEvent<HTMLElement>) => {
      event.preventDefault()
      event.stopPropagation()
    },
  } as GatedChildProps)
  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>{inert}</TooltipTrigger>
        <TooltipContent>{reason}</TooltipContent>
      </Tooltip>
      <span id={reasonId} hidden>
        {reason}
      </span>
    </>
  )
}
