import { lazy } from 'react'
import { DeferredMenu } from '@/components/ui/deferred-menu'
import { useI18n } from '@/i18n'
import { THEME_LOOK, useTheme } from './theme'

const Body = lazy(() => import('./header-menus').then((m) => ({ default: m.ThemeMenuBody })))

/** The header's theme menu: System (the default: follows the operating system), Light or Dark, remembered. */
export function ThemeSwitch() {
  const { t } = useI18n()
  const [choice] = useTheme()
  const { Icon, name } = THEME_LOOK[choice]
  const trigger = (
    <button
      type="button"
      className="inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground data-[state=open]:bg-accent data-[state=open]:text-foreground"
      aria-label={t('theme.current', { theme: t(name) })}
      data-testid="theme-switch"
      data-theme-choice={choice}
    >
      <Icon className="size-4" aria-hidden />
    </button>
  )
  return <DeferredMenu body={Body} trigger={trigger} />
}
