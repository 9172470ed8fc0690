import { useEffect } from 'react'
import { FileQuestion } from 'lucide-react'
import { Link, useLocation } from 'wouter'
import { buttonClasses } from '@/components/ui/button'
import { Card } from '@/components/ui/card'
import { useI18n } from '@/i18n'
import { ROUTES } from '@/routes'

export function NotFoundView() {
  const { t } = useI18n()
  const [location] = useLocation()
  useEffect(() => {
    document.title = `${t('notFound.title')} · ${t('app.name')}`
  }, [t])

  return (
    <Card className="mx-auto max-w-xl px-6 py-10 text-center" data-testid="not-found">
      <FileQuestion className="mx-auto mb-3 size-10 text-muted-foreground" aria-hidden />
      <h1 className="text-2xl font-bold tracking-tight">{t('notFound.title')}</h1>
      <p className="mt-2 text-muted-foreground">
        {t('notFound.body', { path: location })}
      </p>
      <Link href={ROUTES.home} className={buttonClasses('outline', 'md', 'mt-6')}>
        {t('notFound.back')}
      </Link>
    </Card>
  )
}
