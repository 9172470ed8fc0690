import { useSyncExternalStore } from 'react'
import { Monitor, Moon, Sun } from 'lucide-react'
import type { MessageKey } from '@/i18n'

/** The header's theme choice; "system" follows the operating system's light/dark preference. */
export type ThemeChoice = 'system' | 'light' | 'dark'
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark']
/** How each choice shows in the header: its icon and its name. */
export const THEME_LOOK: Record<ThemeChoice, { Icon: typeof Sun; name: MessageKey }> = {
  system: { Icon: Monitor, name: 'theme.system' },
  light: { Icon: Sun, name: 'theme.light' },
  dark: { Icon: Moon, name: 'theme.dark' },
}
export const THEME_STORAGE_KEY = 'nebula-catalog.theme'

const DARK_QUERY = '(prefers-color-scheme: dark)'

function saved(): ThemeChoice {
  try {
    const value = globalThis.localStorage?.getItem(THEME_STORAGE_KEY)
    return value === 'light' || value === 'dark' ? value : 'system'
  } catch {
    return 'system'
  }
}

function systemDark(): boolean {
  try {
    return globalThis.matchMedia?.(DARK_QUERY).matches ?? false
  } catch {
    return false
  }
}

/** The theme on screen for a choice. */
export function resolveTheme(choice: ThemeChoice): 'light' | 'dark' {
  return choice === 'system' ? (systemDark() ? 'dark' : 'light') : choice
}

/** Puts `light` or `dark` on <html> (public/theme.js does the same before the first paint). */
export function applyTheme(choice: ThemeChoice = saved()): void {
  const root = globalThis.document?.documentElement
  if (!root) return
  const theme = resolveTheme(choice)
  root.classList.remove(theme === 'dark' ? 'light' : 'dark')
  root.classList.add(theme)
}

let listeners: (() => void)[] = []
let media: MediaQueryList | undefined
const notify = () => {
  applyTheme()
  for (const listener of listeners) listener()
}
const onStorage = (event: StorageEvent) => {
  if (event.key === null || event.key === THEME_STORAGE_KEY) notify()
}

/** The saved choice, shared by every tab (a switch in one tab switches the others), and the system's changes. */
export const themeStore = {
  get: saved,
  set(choice: ThemeChoice): void {
    try {
      globalThis.localStorage?.setItem(THEME_STORAGE_KEY, choice)
    } catch {
      // not remembered; it still applies to this page
      applyTheme(choice)
      for (const listener of listeners) listener()
      return
    }
    notify()
  },
  subscribe(listener: () => void): () => void {
    if (listeners.length === 0) {
      globalThis.addEventListener?.('storage', onStorage)
      try {
        media = globalThis.matchMedia?.(DARK_QUERY)
        media?.addEventListener?.('change', notify)
      } catch {
        media = undefined
      }
      applyTheme()
    }
    listeners = [...listeners, listener]
    return () => {
      listeners = listeners.filter((l) => l !== listener)
      if (listeners.length === 0) {
        globalThis.removeEventListener?.('storage', onStorage)
        media?.removeEventListener?.('change', notify)
        media = undefined
      }
    }
  },
}

export function useTheme(): [ThemeChoice, (choice: ThemeChoice) => void] {
  const choice = useSyncExternalStore(themeStore.subscribe, themeStore.get, () => 'system' as ThemeChoice)
  return [choice, themeStore.set]
}
