import { useEffect } from 'react'
import { ArrowRight, LibraryBig } from 'lucide-react'
import { Link } from 'wouter'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useI18n } from '@/i18n'
import { ROUTES } from '@/routes'

/** The start page: a short welcome. It does not redirect, so Model Catalog is reached through the More menu. */
export function HomeView() {
  const { t } = useI18n()
  useEffect(() => {
    document.title = `${t('app.productName')} · ${t('app.name')}`
  }, [t])

  return (
    <Card className="mx-auto max-w-2xl px-6 py-10 text-center sm:px-10">
      <span className="mx-auto mb-4 inline-flex size-12 items-center justify-center rounded-xl bg-muted">
        <LibraryBig className="size-6" aria-hidden />
      </span>
      <h1 className="text-2xl font-bold tracking-tight">{t('home.title')}</h1>
      <p className="mt-3 text-base text-muted-foreground">{t('home.body')}</p>
      <Link href={ROUTES.modelCatalog} className={buttonClasses('default', 'md', 'mt-6')}>
        {t('home.openCatalog')}
        <ArrowRight aria-hidden />
      </Link>
    </Card>
  )
}
