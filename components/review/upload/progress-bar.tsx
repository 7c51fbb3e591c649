import { cn } from '@/components/ui/cn'

interface ProgressBarProps {
  /** 0…1; null for "working, amount unknown". */
  value: number | null
  label: string
  tone?: 'primary' | 'destructive'
  className?: string
}

/** A thin bar with the accessible name and value screen readers announce. */
export function ProgressBar({ value, label, tone = 'primary', className }: ProgressBarProps) {
  const percent = value === null ? null : Math.round(Math.min(1, Math.max(0, value)) * 100)
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent ?? undefined}
      className={cn('h-2 w-full overflow-hidden rounded-full bg-muted', className)}
    >
      <div
        className={cn(
          'h-full rounded-full transition-[width] duration-300 ease-out',
          tone === 'destructive' ? 'bg-destructive' : 'bg-primary',
          percent === null && 'w-1/3 animate-pulse',
        )}
        style={percent === null ? undefined : { width: `${percent}%` }}
      />
    </div>
  )
}
