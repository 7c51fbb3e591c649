'use client'
// Shown when a page fails unexpectedly. Messages from the server are hidden in production, so we say what to
// do rather than what broke, and show the digest that matches the server log.
import { useEffect } from 'react'
import Link from 'next/link'
import { TriangleAlert } from 'lucide-react'
import { StatusPage } from '@/components/layout/status-page'
import { Button } from '@/components/ui/button'

export default function ErrorPage({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    console.error(error)
  }, [error])
  const digest = error instanceof Error && 'digest' in error && typeof error.digest === 'string' ? error.digest : null
  return (
    <StatusPage
      icon={TriangleAlert}
      title="Something went wrong"
      description={
        <>
          <p>This page could not be loaded. Trying again usually helps; if it keeps happening, tell whoever runs this Storyreel.</p>
          {digest ? <p className="mt-3 font-mono text-xs text-subtle-foreground">Reference: {digest}</p> : null}
        </>
      }
      actions={
        <>
          <Button onClick={() => retry()}>Try again</Button>
          <Button variant="secondary" asChild>
            <Link href="/">Go to your workspace</Link>
          </Button>
        </>
      }
    />
  )
}
