import { cn } from '@/components/ui/cn'

/** The Storyreel mark: a film frame with a play notch. Decorative; the word beside it carries the name. */
export function LogoMark({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" className={cn('size-6', className)} aria-hidden>
      <rect x="2" y="4" width="20" height="16" rx="3.5" className="fill-primary" />
      <path d="M6 4v16M18 4v16" className="stroke-background/35" strokeWidth="1.25" />
      <path d="M10.5 9.2v5.6l4.4-2.8z" className="fill-primary-foreground" />
    </svg>
  )
}

export function Logo({ className }: { className?: string }) {
  return (
    <span className={cn('inline-flex items-center gap-2 text-[15px] font-semibold tracking-tight', className)}>
      <LogoMark />
      Storyreel
    </span>
  )
}
