import { Languages } from 'lucide-react'
import { useI18n, type Lang } from '@/i18n'
import { cn } from '@/lib/utils'

const OPTIONS: { lang: Lang; short: string; htmlLang: string }[] = [
  { lang: 'en', short: 'EN', htmlLang: 'en' },
  { lang: 'zh', short: '中文', htmlLang: 'zh-CN' },
]

/** A labelled two-way switch; each option is a toggle button named in its own language. */
export function LanguageSwitch() {
  const { lang, setLang, t } = useI18n()
  return (
    <div role="group" aria-label={t('lang.label')} className="flex shrink-0 items-center gap-1.5">
      <Languages className="hidden size-4 text-muted-foreground sm:block" aria-hidden />
      <div className="flex rounded-md border bg-muted p-0.5">
        {OPTIONS.map((option) => {
          const active = option.lang === lang
          const name = option.lang === 'en' ? t('lang.en') : t('lang.zh')
          // The name starts with what the button shows ("EN English"), so speech input ("click EN") finds it.
          const label = name === option.short ? name : `${option.short} ${name}`
          return (
            <button
              key={option.lang}
              type="button"
              lang={option.htmlLang}
              aria-pressed={active}
              aria-label={label}
              title={name}
              onClick={() => setLang(option.lang)}
              className={cn(
                'h-7 min-w-10 shrink-0 rounded-sm px-2 text-sm font-medium whitespace-nowrap transition-colors',
                active ? 'bg-card text-foreground shadow-sm dark:bg-accent' : 'text-muted-foreground hover:text-foreground',
              )}
            >
              {option.short}
            </button>
          )
        })}
      </div>
    </div>
  )
}
