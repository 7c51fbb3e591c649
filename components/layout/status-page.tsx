import type { LucideIcon } from 'lucide-react'
import { Logo } from '@/components/brand/logo'

interface StatusPageProps {
  icon: LucideIcon
  code?: string
  title: string
  description: React.ReactNode
  actions: React.ReactNode
}

/** A full-page message (not found, error, expired link) with a way onward. */
export function StatusPage({ icon: Icon, code, title, description, actions }: StatusPageProps) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-8 px-6 py-16 text-center">
      <Logo className="text-muted-foreground" />
      <div className="flex max-w-md flex-col items-center gap-4">
        <div className="flex size-12 items-center justify-center rounded-full border border-border bg-muted">
          <Icon className="size-5 text-muted-foreground" aria-hidden />
        </div>
        {code ? <p className="font-mono text-xs tracking-widest text-subtle-foreground">{code}</p> : null}
        <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
        <div className="text-sm text-muted-foreground">{description}</div>
      </div>
      <div className="flex flex-wrap items-center justify-center gap-3">{actions}</div>
    </main>
  )
}
