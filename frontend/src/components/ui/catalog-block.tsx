import type { ReactNode } from 'react'
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card'

/** One titled block of the catalog page (a card whose heading names the region for assistive tech). */
export function CatalogBlock({
  id,
  title,
  description,
  icon,
  actions,
  children,
}: {
  id: string
  title: string
  description: string
  icon?: ReactNode
  actions?: ReactNode
  children: ReactNode
}) {
  const headingId = `${id}-heading`
  return (
    <Card aria-labelledby={headingId} data-testid={id}>
      <CardHeader className="flex items-start justify-between gap-4">
        <div className="flex min-w-0 gap-3">
          {icon && (
            <span className="mt-0.5 inline-flex size-9 shrink-0 items-center justify-center rounded-lg border border-primary/20 bg-primary/10 [&>svg]:size-5 [&>svg]:text-primary">
              {icon}
            </span>
          )}
          <div className="min-w-0 space-y-1">
            <CardTitle id={headingId}>{title}</CardTitle>
            <CardDescription>{description}</CardDescription>
          </div>
        </div>
        {actions}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  )
}
