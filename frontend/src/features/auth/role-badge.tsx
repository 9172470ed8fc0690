import { Shield, ShieldCheck, Eye } from 'lucide-react'
import { Badge } from '@/components/ui/badge'
import { useI18n } from '@/i18n'
import type { Role } from '@/lib/types'

const look: Record<Role, { tone: 'info' | 'warning' | 'neutral'; Icon: typeof Shield }> = {
  admin: { tone: 'warning', Icon: ShieldCheck },
  operator: { tone: 'info', Icon: Shield },
  viewer: { tone: 'neutral', Icon: Eye },
}

/** The role as a small badge (icon + translated name). */
export function RoleBadge({ role }: { role: Role }) {
  const { t } = useI18n()
  const { tone, Icon } = look[role] ?? look.viewer
  return (
    <Badge tone={tone} data-testid="role-badge" data-role={role}>
      <Icon className="size-3.5" aria-hidden />
      {t(`role.${role}`)}
    </Badge>
  )
}
