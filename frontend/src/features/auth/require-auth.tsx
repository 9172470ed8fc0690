import type { ReactNode } from 'react'
import { ShieldAlert } from 'lucide-react'
import { Redirect } from 'wouter'
import { Card } from '@/components/ui/card'
import { useI18n } from '@/i18n'
import type { Role } from '@/lib/types'
import { signInPath } from '@/routes'
import { gateReason } from './role-gate'
import { useCurrentPath } from './session-guard'
import { useRole, useSession } from './use-session'

/**
 * Wraps a page that needs a signed-in user: without a session it sends the user to sign-in (and back here
 * afterwards); with a role below `need` it says which role the page needs.
 */
export function RequireAuth({ need, forbiddenTitle, children }: { need?: Role; forbiddenTitle?: string; children: ReactNode }) {
  const session = useSession()
  const { role, can } = useRole()
  const current = useCurrentPath()
  const { t } = useI18n()

  if (!session) return <Redirect to={signInPath(current)} replace />
  if (need && !can(need)) {
    return (
      <Card className="mx-auto max-w-xl px-6 py-10 text-center" data-testid="forbidden">
        <ShieldAlert className="mx-auto mb-3 size-10 text-muted-foreground" aria-hidden />
        <h1 className="text-2xl font-bold tracking-tight">{forbiddenTitle}</h1>
        <p className="mt-2 text-muted-foreground">{gateReason(t, need, role)}</p>
      </Card>
    )
  }
  return <>{children}</>
}
