import { Check, Monitor, Moon, Sun } from 'lucide-react'
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuGroup,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu'
import { useI18n, type MessageKey } from '@/i18n'
import { THEME_CHOICES, useTheme, type ThemeChoice } from './theme'

const LOOK: Record<ThemeChoice, { Icon: typeof Sun; name: MessageKey }> = {
  system: { Icon: Monitor, name: 'theme.system' },
  light: { Icon: Sun, name: 'theme.light' },
  dark: { Icon: Moon, name: 'theme.dark' },
}

/** The header's theme menu: System (the default: follows the operating system), Light or Dark, remembered. */
export function ThemeSwitch() {
  const { t } = useI18n()
  const [choice, setChoice] = useTheme()
  const { Icon } = LOOK[choice]
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="inline-flex size-9 shrink-0 items-center justify-center rounded-md text-muted-foreground transition-colors hover:bg-accent hover:text-foreground data-[state=open]:bg-accent data-[state=open]:text-foreground"
        aria-label={t('theme.current', { theme: t(LOOK[choice].name) })}
        data-testid="theme-switch"
        data-theme-choice={choice}
      >
        <Icon className="size-4" aria-hidden />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-44">
        <DropdownMenuLabel>{t('theme.label')}</DropdownMenuLabel>
        <DropdownMenuGroup>
          {THEME_CHOICES.map((option) => {
            const { Icon: OptionIcon, name } = LOOK[option]
            const checked = option === choice
            // a radio choice in a menu (Radix's plain item, re-roled: lighter than its radio group)
            return (
              <DropdownMenuItem key={option} role="menuitemradio" aria-checked={checked} onSelect={() => setChoice(option)}>
                <OptionIcon aria-hidden />
                <span className={checked ? 'font-medium' : undefined}>{t(name)}</span>
                {checked && <Check className="ml-auto !text-primary" aria-hidden />}
              </DropdownMenuItem>
            )
          })}
        </DropdownMenuGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  )
}
