// The frame of pages a guest sees through a share link: the mark and nothing that leads into the workspace (guests
// have no account there). Referrer-Policy and no-store come from next.config.mjs for /review/*.
import type { Metadata } from 'next'
import { Logo } from '@/components/brand/logo'

export const metadata: Metadata = { referrer: 'no-referrer', robots: { index: false, follow: false } }

export default function GuestLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-screen flex-col">
      <header className="border-b border-border">
        <div className="mx-auto flex h-14 w-full max-w-7xl items-center justify-between gap-3 px-6">
          <Logo />
          <span className="text-xs text-subtle-foreground">Shared review</span>
        </div>
      </header>
      <main className="mx-auto w-full max-w-7xl flex-1 px-6 py-6">{children}</main>
    </div>
  )
}
