'use client'

import { useEffect, useRef, useState } from 'react'
import { AlertTriangle, CheckCircle2, Loader2, RotateCcw } from 'lucide-react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import type { ActionResult } from '@/lib/action-result'
import { isProcessingUnderway, type VersionProcessing } from '@/lib/review/version-processing'
import { ProgressBar } from './progress-bar'

export interface VersionProcessingInput {
  projectId: string
  versionId: string
}

export interface VersionProcessingStatusProps {
  projectId: string
  versionId: string
  /** getVersionProcessingAction, handed down by the page. */
  getProcessing: (input: VersionProcessingInput) => Promise<ActionResult<VersionProcessing>>
  /** retryVersionProcessingAction; leave out for people who may not retry (below editor), and no button shows. */
  retry?: (input: VersionProcessingInput) => Promise<ActionResult<VersionProcessing>>
  /** What the page already knows, to show at once instead of after the first poll. */
  initial?: VersionProcessing
  /** Called once when processing is done, e.g. to load the player. */
  onReady?: () => void
  /** How often to ask while processing; about once a second by default. */
  intervalMs?: number
  className?: string
}

/** Where a version's processing stands, polled while it runs: progress, then ready, or the reason it failed and a retry. */
export function VersionProcessingStatus({ projectId, versionId, getProcessing, retry, initial, onReady, intervalMs = 1000, className }: VersionProcessingStatusProps) {
  const [status, setStatus] = useState<VersionProcessing | null>(initial ?? null)
  const [pollError, setPollError] = useState<string | null>(null)
  const [retrying, setRetrying] = useState(false)
  // Bumped to restart polling after a retry.
  const [generation, setGeneration] = useState(0)
  const props = useRef({ getProcessing, onReady })
  useEffect(() => {
    props.current = { getProcessing, onReady }
  })

  useEffect(() => {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let failures = 0
    async function poll() {
      const result = await props.current.getProcessing({ projectId, versionId }).catch((error: unknown) => ({ ok: false as const, error: { code: 'INTERNAL' as const, message: (error as Error).message } }))
      if (stopped) return
      if (result.ok) {
        failures = 0
        setPollError(null)
        setStatus(result.data)
        if (result.data.state === 'ready') props.current.onReady?.()
        if (!isProcessingUnderway(result.data.state)) return
      } else {
        failures += 1
        // One missed poll is noise; several in a row are worth saying.
        if (failures >= 3) setPollError(result.error.message)
        if (result.error.code === 'NOT_FOUND' || result.error.code === 'FORBIDDEN' || result.error.code === 'UNAUTHENTICATED') return
      }
      // Back off while the server is unreachable, up to ten intervals.
      timer = setTimeout(poll, intervalMs * Math.min(10, 2 ** Math.max(0, failures - 1)))
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [projectId, versionId, intervalMs, generation])

  async function onRetry() {
    if (!retry) return
    setRetrying(true)
    try {
      const result = await retry({ projectId, versionId })
      if (!result.ok) {
        toast.error('Could not retry processing', { description: result.error.message })
        return
      }
      setStatus(result.data)
      setGeneration((n) => n + 1)
    } finally {
      setRetrying(false)
    }
  }

  const state = status?.state ?? 'pending'
  return (
    <div className={cn('grid gap-2 rounded-xl border border-border bg-surface p-4', state === 'failed' && 'border-destructive/50', className)} aria-live="polite">
      {state === 'failed' ? (
        <>
          <div className="flex items-start gap-3">
            <AlertTriangle className="mt-0.5 size-5 shrink-0 text-destructive" aria-hidden />
            <div className="min-w-0 flex-1">
              <p className="text-sm font-medium">Processing failed</p>
              <p className="text-sm text-muted-foreground">{status?.message ?? 'Processing failed.'}</p>
            </div>
            {retry ? (
              <Button size="sm" variant="secondary" pending={retrying} onClick={() => void onRetry()}>
                {retrying ? null : <RotateCcw aria-hidden />}
                Retry
              </Button>
            ) : null}
          </div>
        </>
      ) : state === 'ready' ? (
        <p className="flex items-center gap-2 text-sm text-muted-foreground">
          <CheckCircle2 className="size-4 text-success" aria-hidden />
          Ready to play
        </p>
      ) : (
        <>
          <div className="flex items-center justify-between gap-3 text-sm">
            <span className="flex items-center gap-2 font-medium">
              <Loader2 className="size-4 animate-spin text-muted-foreground" aria-hidden />
              {state === 'pending' ? 'Waiting to process' : 'Processing for playback'}
            </span>
            {state === 'processing' ? <span className="tabular-nums text-muted-foreground">{Math.floor((status?.progress ?? 0) * 100)}%</span> : null}
          </div>
          <ProgressBar value={state === 'processing' ? (status?.progress ?? 0) : null} label="Processing progress" />
          {status?.message ? <p className="text-xs text-muted-foreground">{status.message}</p> : null}
        </>
      )}
      {pollError ? <p className="text-xs text-warning">Could not check progress: {pollError}</p> : null}
    </div>
  )
}
