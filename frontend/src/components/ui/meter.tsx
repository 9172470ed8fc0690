import { cn } from '@/lib/utils'

const fills = {
  primary: 'bg-primary',
  info: 'bg-info',
  warning: 'bg-warning',
  danger: 'bg-destructive',
  muted: 'bg-muted-foreground/40',
} as const

export type MeterTone = keyof typeof fills

/**
 * How full something is (a disk, a GPU's memory): a bar with its name and value for assistive tech (`role="meter"`,
 * the value also said in words by `valueText`). Only a picture of numbers shown beside it in text.
 */
export function Meter({
  value,
  max = 100,
  label,
  valueText,
  tone = 'primary',
  className,
}: {
  value: number
  max?: number
  label: string
  valueText?: string
  tone?: MeterTone
  className?: string
}) {
  const percent = max > 0 ? Math.min(100, Math.max(0, (value / max) * 100)) : 0
  return (
    <div
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
      aria-valuetext={valueText}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-accent', className)}
    >
      <div className={cn('h-full rounded-full', fills[tone])} style={{ width: `${percent}%` }} />
    </div>
  )
}

/** A disk's tone: amber from 85 % (Nebula's warning), red from 95 % (its critical alert). */
export function usageTone(percent: number): MeterTone {
  return percent >= 95 ? 'danger' : percent >= 85 ? 'warning' : 'primary'
}
