'use client'
// "Render animatic": the options, then a progress bar with cancel polled about once a second, then a link to the new
// review version. The page hands the three actions down, so this file stays free of server imports.
import { AlertTriangle, CheckCircle2, Clapperboard, ExternalLink } from 'lucide-react'
import Link from 'next/link'
import { useEffect, useRef, useState } from 'react'
import { toast } from 'sonner'
import { ProgressBar } from '@/components/review/upload/progress-bar'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card'
import { cn } from '@/components/ui/cn'
import type { ActionResult } from '@/lib/action-result'
import { isSettled, type JobState } from '@/lib/jobs/job-status'
import { AudioTrackChoice } from './audio-track-choice'
import type { AudioTrackView } from './upload-audio'

export interface AnimaticRenderOptions {
  resolution: '720p' | '1080p'
  captions: boolean
  overlays: boolean
  /** 'ai' sets each panel with a picture in motion through the video model; stills when absent. */
  mode?: 'stills' | 'ai'
}

/** The video model AI motion would use, as the page knows it from the server's settings. */
export interface MotionGenerator {
  /** The built-in offline generator: it moves the still (a slow push-in), no AI model involved. */
  offline: boolean
  /** "fal · kling-video", shown when not offline. */
  label?: string
}

export interface AnimaticRenderView {
  state: JobState
  progress: number
  label: string | null
  error: string | null
  version: { reviewItemId: string; versionId: string; number: number } | null
}

export interface RenderAnimaticActions {
  request(input: AnimaticRenderOptions & { projectId: string; audioAssetId: string | null }): Promise<ActionResult<{ jobId: string }>>
  get(input: { projectId: string; jobId: string }): Promise<ActionResult<AnimaticRenderView>>
  cancel(input: { projectId: string; jobId: string }): Promise<ActionResult<{ jobId: string }>>
}

export interface RenderAnimaticCardProps {
  projectId: string
  /** Editors and owners; others see why the button is not there. */
  canRender: boolean
  actions: RenderAnimaticActions
  /** A render already under way when the page loaded (e.g. started by a teammate), to follow instead of starting one. */
  activeJobId?: string | null
  /** How often to ask while rendering; about once a second by default. */
  intervalMs?: number
  /** The video model behind "AI motion", so the choice can say whether it is the offline generator. */
  motionGenerator?: MotionGenerator | null
  /** The project's sound files, newest first: the choices for the animatic's one audio track. */
  audioTracks?: readonly AudioTrackView[]
}

type Phase = { kind: 'idle' } | { kind: 'starting' } | { kind: 'running'; jobId: string; view: AnimaticRenderView | null; cancelling: boolean }

export function RenderAnimaticCard({ projectId, canRender, actions, activeJobId = null, intervalMs = 1000, motionGenerator = null, audioTracks = [] }: RenderAnimaticCardProps) {
  const [options, setOptions] = useState<AnimaticRenderOptions>({ resolution: '1080p', captions: true, overlays: true, mode: 'stills' })
  const [tracks, setTracks] = useState<readonly AudioTrackView[]>(audioTracks)
  const [audioAssetId, setAudioAssetId] = useState<string | null>(null)
  const [phase, setPhase] = useState<Phase>(activeJobId ? { kind: 'running', jobId: activeJobId, view: null, cancelling: false } : { kind: 'idle' })
  const [last, setLast] = useState<AnimaticRenderView | null>(null)
  const actionsRef = useRef(actions)
  useEffect(() => {
    actionsRef.current = actions
  })
  const runningJobId = phase.kind === 'running' ? phase.jobId : null

  useEffect(() => {
    if (!runningJobId) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    let failures = 0
    async function poll() {
      const result = await actionsRef.current.get({ projectId, jobId: runningJobId! }).catch(() => null)
      if (stopped) return
      if (result?.ok) {
        failures = 0
        const view = result.data
        if (isSettled(view.state)) {
          setLast(view)
          setPhase({ kind: 'idle' })
          if (view.state === 'failed') toast.error(view.error ?? 'The animatic could not be rendered.')
          if (view.state === 'completed' && view.version) toast.success(`Animatic rendered as v${view.version.number}`)
          return
        }
        setPhase((current) => (current.kind === 'running' && current.jobId === runningJobId ? { ...current, view } : current))
      } else if (++failures === 3) {
        // One missed poll is noise; several in a row are worth saying, and we keep asking.
        toast.error(result && !result.ok ? result.error.message : 'Lost touch with the server; still trying.')
      }
      timer = setTimeout(poll, intervalMs)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [projectId, runningJobId, intervalMs])

  async function start() {
    setPhase({ kind: 'starting' })
    setLast(null)
    const result = await actions.request({ projectId, ...options, audioAssetId }).catch(() => null)
    if (result?.ok) setPhase({ kind: 'running', jobId: result.data.jobId, view: null, cancelling: false })
    else {
      setPhase({ kind: 'idle' })
      toast.error(result && !result.ok ? result.error.message : 'The render could not be started. Try again.')
    }
  }

  async function cancel() {
    if (phase.kind !== 'running') return
    setPhase({ ...phase, cancelling: true })
    const result = await actions.cancel({ projectId, jobId: phase.jobId }).catch(() => null)
    if (!result?.ok) {
      toast.error(result && !result.ok ? result.error.message : 'The render could not be cancelled. Try again.')
      setPhase((current) => (current.kind === 'running' ? { ...current, cancelling: false } : current))
    }
  }

  const busy = phase.kind !== 'idle'
  return (
    <Card className="w-full max-w-2xl" data-testid="render-animatic">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Clapperboard aria-hidden className="size-4 text-muted-foreground" /> Render animatic
        </CardTitle>
        <CardDescription>
          Every panel of the board at its duration, with its camera move and transition, as one video. Each render becomes the next version of the
          project’s “Animatic” review, where notes show the scene, shot and panel they are on.
        </CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        <fieldset className="flex flex-col gap-2" disabled={busy || !canRender}>
          <legend className="mb-2 text-sm font-medium">Resolution</legend>
          <div role="radiogroup" aria-label="Resolution" className="inline-flex w-fit rounded-lg border border-border bg-muted p-0.5">
            {(['720p', '1080p'] as const).map((resolution) => (
              <label
                key={resolution}
                className={cn(
                  'cursor-pointer rounded-md px-3 py-1 text-sm font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary/40',
                  options.resolution === resolution ? 'bg-background text-foreground shadow-sm' : 'text-muted-foreground hover:text-foreground',
                )}
              >
                <input
                  type="radio"
                  name="resolution"
                  value={resolution}
                  className="sr-only"
                  checked={options.resolution === resolution}
                  onChange={() => setOptions({ ...options, resolution })}
                />
                {resolution}
              </label>
            ))}
          </div>
        </fieldset>
        <MotionChoice
          mode={options.mode ?? 'stills'}
          generator={motionGenerator}
          disabled={busy || !canRender}
          onChange={(mode) => setOptions({ ...options, mode })}
        />
        <fieldset className="flex flex-col gap-3" disabled={busy || !canRender}>
          <legend className="mb-2 text-sm font-medium">Burnt into the picture</legend>
          <Toggle
            checked={options.captions}
            onChange={(captions) => setOptions({ ...options, captions })}
            label="Dialogue captions"
            hint="Each panel’s dialogue under the picture while it is on screen."
          />
          <Toggle
            checked={options.overlays}
            onChange={(overlays) => setOptions({ ...options, overlays })}
            label="Shot numbers and timecode"
            hint="“Sc 2 · 4A · p2” and the running timecode in the corners."
          />
        </fieldset>
        {canRender ? (
          <AudioTrackChoice
            projectId={projectId}
            tracks={tracks}
            selected={audioAssetId}
            disabled={busy}
            onSelect={setAudioAssetId}
            onUploaded={(track) => setTracks((current) => [track, ...current.filter((existing) => existing.id !== track.id)])}
          />
        ) : null}
        {phase.kind === 'running' ? (
          <div className="flex flex-col gap-2" aria-live="polite">
            <div className="flex items-center justify-between gap-3 text-sm">
              <span className="text-foreground">{phase.view?.label ?? (phase.view?.state === 'running' ? 'Rendering' : 'Waiting for a free worker')}</span>
              <span className="font-mono tabular-nums text-muted-foreground">{Math.round((phase.view?.progress ?? 0) * 100)}%</span>
            </div>
            <ProgressBar value={phase.view?.state === 'running' ? phase.view.progress : null} label="Render progress" />
          </div>
        ) : null}
        {last ? <RenderOutcome view={last} projectId={projectId} /> : null}
      </CardContent>
      <CardFooter>
        {!canRender ? (
          <span className="mr-auto text-sm text-muted-foreground">Editors and owners can render the animatic.</span>
        ) : null}
        {phase.kind === 'running' ? (
          <Button variant="outline" onClick={cancel} pending={phase.cancelling}>
            Cancel render
          </Button>
        ) : null}
        {canRender ? (
          <Button onClick={start} pending={phase.kind === 'starting'} disabled={busy}>
            {last?.state === 'completed' ? 'Render again' : 'Render animatic'}
          </Button>
        ) : null}
      </CardFooter>
    </Card>
  )
}

export const motionLabels = { stills: 'Stills', ai: 'AI motion', offline: 'AI motion (offline generator)' } as const

function MotionChoice({ mode, generator, disabled, onChange }: { mode: 'stills' | 'ai'; generator: MotionGenerator | null; disabled: boolean; onChange: (mode: 'stills' | 'ai') => void }) {
  const choices = [
    { value: 'stills', label: motionLabels.stills },
    { value: 'ai', label: generator?.offline ? motionLabels.offline : motionLabels.ai },
  ] as const
  const hint =
    mode === 'stills'
      ? 'Each panel’s picture as drawn, moved only by its camera move.'
      : generator?.offline
        ? 'Each panel with a picture becomes a short clip of its length made by the offline generator (a slow push-in on the still, no AI model). The render is marked AI-generated in the disclosure report.'
        : `Each panel with a picture becomes a short clip of its length${generator?.label ? ` made by ${generator.label}` : ' made by the configured video model'}. Slower than stills; a panel whose clip fails keeps its still. The render is marked AI-generated in the disclosure report.`
  return (
    <fieldset className="flex flex-col gap-2" disabled={disabled}>
      <legend className="mb-2 text-sm font-medium">Motion</legend>
      <div role="radiogroup" aria-label="Motion" className="inline-flex w-fit rounded-lg border border-border bg-muted p-0.5">
        {choices.map((choice) => (
          <label
            key={choice.value}
            className={cn(
              'cursor-pointer rounded-md px-3 py-1 text-sm font-medium transition-colors has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-primary/40',
              mode === choice.value ? 'bg-background text-foreground shadow-sm' : 'text-muted-foreground hover:text-foreground',
            )}
          >
            <input type="radio" name="motion" value={choice.value} className="sr-only" checked={mode === choice.value} onChange={() => onChange(choice.value)} />
            {choice.label}
          </label>
        ))}
      </div>
      <p className="text-xs text-muted-foreground">{hint}</p>
    </fieldset>
  )
}

function Toggle({ checked, onChange, label, hint }: { checked: boolean; onChange: (value: boolean) => void; label: string; hint: string }) {
  return (
    <label className="flex cursor-pointer items-start gap-3">
      <input type="checkbox" checked={checked} onChange={(event) => onChange(event.target.checked)} className="mt-0.5 size-4 accent-[var(--color-primary)]" />
      <span className="flex flex-col gap-0.5">
        <span className="text-sm font-medium">{label}</span>
        <span className="text-xs text-muted-foreground">{hint}</span>
      </span>
    </label>
  )
}

function RenderOutcome({ view, projectId }: { view: AnimaticRenderView; projectId: string }) {
  if (view.state === 'completed' && view.version) {
    const { reviewItemId, number } = view.version
    return (
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-muted/40 px-4 py-3" role="status">
        <span className="flex items-center gap-2 text-sm">
          <CheckCircle2 aria-hidden className="size-4 text-primary" /> Rendered as v{number}. It is being prepared for the player.
        </span>
        <Link href={`/p/${projectId}/review/${reviewItemId}?v=${number}`} className="inline-flex items-center gap-1 text-sm font-medium text-primary hover:underline">
          Open v{number} in review <ExternalLink aria-hidden className="size-3.5" />
        </Link>
      </div>
    )
  }
  const message = view.state === 'cancelled' ? 'Render cancelled. Nothing was kept.' : (view.error ?? 'The animatic could not be rendered.')
  return (
    <div className="flex items-start gap-2 rounded-lg border border-destructive/40 bg-destructive/5 px-4 py-3 text-sm" role="alert">
      <AlertTriangle aria-hidden className="mt-0.5 size-4 shrink-0 text-destructive" /> {message}
    </div>
  )
}
