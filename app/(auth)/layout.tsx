// The frame for signed-out pages (and the invitation page): the mark, one centred card, a quiet footer.
import Link from 'next/link'
import { Logo } from '@/components/brand/logo'

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="relative flex min-h-screen flex-col items-center px-6 py-10">
      {/* A faint glow behind the card: the only decoration, so the form stays the thing to look at. */}
      <div
        aria-hidden
        className="pointer-events-none absolute inset-x-0 top-0 h-96 bg-[radial-gradient(ellipse_at_top,oklch(0.64_0.15_275/0.12),transparent_65%)]"
      />
      <Link href="/" className="relative rounded-md" aria-label="Storyreel home">
        <Logo className="text-base" />
      </Link>
      <main className="relative flex w-full flex-1 items-center justify-center py-10">
        <div className="w-full max-w-sm">{children}</div>
      </main>
      <p className="relative text-xs text-subtle-foreground">Storyboards, shot lists and review for film teams.</p>
    </div>
  )
}
