'use client'
// Replaces the root layout when it fails, so it brings its own document and styles.
import './globals.css'

export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en" className="dark">
      <body className="flex min-h-screen flex-col items-center justify-center gap-4 px-6 text-center antialiased">
        <title>Something went wrong · Storyreel</title>
        <h1 className="text-2xl font-semibold">Storyreel could not load</h1>
        <p className="max-w-md text-sm text-muted-foreground">Something went wrong on our side. Please try again in a moment.</p>
        <button
          type="button"
          onClick={() => retry()}
          className="h-9 rounded-md bg-primary px-4 text-sm font-medium text-primary-foreground hover:bg-primary-hover"
        >
          Try again
        </button>
      </body>
    </html>
  )
}
