'use client'
// "Generate background" for one panel: the request form, a progress bar with cancel while the job runs, then the
// variations to choose from. The chosen one is handed to onPlace, which puts it under the drawing. Says plainly when
// the server's offline generator (procedural, no AI model) made the pictures.
import { useEffect, useId, useState } from 'react'
import { toast } from 'sonner'
import { Check, Dices, Info, Sparkles } from 'lucide-react'
import type { BackgroundGenerationStatus, ChosenBackground } from '@/lib/ai/background-generation-status'
import { defaultMaxPromptChars, maxSeed, maxVariations, stylePresetLabels, stylePresets, type StylePreset } from '@/lib/ai/background-request'
import { isSettled } from '@/lib/jobs/job-status'
import { ProgressBar } from '@/components/review/upload/progress-bar'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { describedBy, Field } from '@/components/ui/field'
import { FormAlert } from '@/components/ui/form-alert'
import { Input, inputClassName } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { useBackgroundGenerationApi, type BackgroundGenerationApi } from './background-generation-api'

export interface GenerateBackgroundDialogProps {
  projectId: string
  panelId: string
  /** Places the chosen image as the panel's background layer; may throw, which is shown as a toast. */
  onPlace: (background: ChosenBackground) => void
  /** The server's prompt limit (AI_MAX_PROMPT_CHARS) when the page knows it. */
  maxPromptChars?: number
}

export const offlineBanner = 'Offline generator — procedural, no AI model'
const pollMs = 400

const randomSeed = () => Math.floor(Math.random() * (maxSeed + 1))

interface Request {
  prompt: string
  stylePreset: StylePreset
  negativePrompt: string
  seed: string
  variations: number
}

export function GenerateBackgroundDialog(props: GenerateBackgroundDialogProps) {
  const api = useBackgroundGenerationApi()
  const [open, setOpen] = useState(false)
  if (!api) return null
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="secondary" size="sm">
          <Sparkles aria-hidden />
          Generate background
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-2xl">
        {open ? <GenerateBackgroundForm {...props} api={api} onDone={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  )
}

function GenerateBackgroundForm({ projectId, panelId, onPlace, maxPromptChars = defaultMaxPromptChars, api, onDone }: GenerateBackgroundDialogProps & { api: BackgroundGenerationApi; onDone: () => void }) {
  const ids = useId()
  const [request, setRequest] = useState<Request>(() => ({ prompt: '', stylePreset: 'storyboard-sketch', negativePrompt: '', seed: String(randomSeed()), variations: 4 }))
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({})
  const [error, setError] = useState<string | null>(null)
  const [starting, setStarting] = useState(false)
  const [generationId, setGenerationId] = useState<string | null>(null)
  const [status, setStatus] = useState<BackgroundGenerationStatus | null>(null)
  const [selected, setSelected] = useState<string | null>(null)
  const [placing, setPlacing] = useState(false)
  const [cancelling, setCancelling] = useState(false)
  const promptLength = request.prompt.trim().length
  const promptTooLong = promptLength > maxPromptChars

  // Polls the job until it settles; a failed poll is retried on the next tick rather than ending the wait.
  useEffect(() => {
    if (!generationId) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const poll = async () => {
      const answer = await api.get({ projectId, generationId }).catch(() => null)
      if (stopped) return
      if (answer?.ok) {
        setStatus(answer.data)
        if (isSettled(answer.data.state)) {
          if (answer.data.state === 'failed') {
            const message = answer.data.error ?? 'The background could not be generated.'
            setError(message)
            toast.error(message)
          }
          if (answer.data.state === 'completed') setSelected(answer.data.variations[0]?.assetId ?? null)
          return
        }
      } else if (answer && !answer.ok) {
        // Lost access or the request is gone: back to the form, which still holds what was typed.
        setError(answer.error.message)
        toast.error(answer.error.message)
        setGenerationId(null)
        return
      }
      timer = setTimeout(() => void poll(), pollMs)
    }
    void poll()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [api, projectId, generationId])

  const update = (patch: Partial<Request>) => setRequest((current) => ({ ...current, ...patch }))

  const submit = async (event: React.FormEvent) => {
    event.preventDefault()
    if (promptTooLong || starting) return
    setError(null)
    setFieldErrors({})
    const seed = request.seed.trim() === '' ? undefined : Number(request.seed)
    if (seed !== undefined && (!Number.isInteger(seed) || seed < 0 || seed > maxSeed)) {
      setFieldErrors({ seed: [`The seed must be a whole number from 0 to ${maxSeed}.`] })
      return
    }
    setStarting(true)
    try {
      const answer = await api.start({
        projectId,
        panelId,
        prompt: request.prompt,
        stylePreset: request.stylePreset,
        negativePrompt: request.negativePrompt.trim() || undefined,
        seed,
        variations: request.variations,
      })
      if (!answer.ok) {
        // The server's words: a prompt over its limit, a rate limit, no access. The form keeps what was typed.
        setError(answer.error.message)
        setFieldErrors(answer.error.fieldErrors ?? {})
        toast.error(answer.error.message)
        return
      }
      setStatus(null)
      setSelected(null)
      setGenerationId(answer.data.generationId)
    } catch {
      const message = 'Could not reach the server. Check your connection and try again.'
      setError(message)
      toast.error(message)
    } finally {
      setStarting(false)
    }
  }

  const cancel = async () => {
    if (!generationId) return
    setCancelling(true)
    try {
      const answer = await api.cancel({ projectId, generationId })
      if (!answer.ok) toast.error(answer.error.message)
    } finally {
      setCancelling(false)
    }
  }

  const place = async () => {
    if (!generationId || !selected) return
    setPlacing(true)
    try {
      const answer = await api.choose({ projectId, generationId, assetId: selected })
      if (!answer.ok) return void toast.error(answer.error.message)
      onPlace(answer.data)
      toast.success('Background placed under the drawing.')
      onDone()
    } catch {
      toast.error('The background could not be placed. Try again.')
    } finally {
      setPlacing(false)
    }
  }

  const backToForm = () => {
    setGenerationId(null)
    setStatus(null)
    setSelected(null)
    setError(null)
  }

  const running = generationId !== null && (!status || !isSettled(status.state))
  const finished = status !== null && status.state === 'completed'
  const stoppedEarly = status !== null && (status.state === 'failed' || status.state === 'cancelled')

  return (
    <>
      <DialogHeader>
        <DialogTitle>Generate a background</DialogTitle>
        <DialogDescription>
          The picture you choose goes under the drawing as a locked layer, for everyone on this panel. It is recorded as AI-generated in the project’s disclosure ledger.
        </DialogDescription>
      </DialogHeader>

      {status?.offline ? (
        <div role="status" className="flex items-start gap-2 rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm" data-testid="offline-generator-banner">
          <Info className="mt-0.5 size-4 shrink-0 text-warning" aria-hidden />
          <div>
            <p className="font-medium">{offlineBanner}</p>
            <p className="text-muted-foreground">No image model is configured on this server, so these are drawn from the prompt’s words. An administrator can set AI_IMAGE_MODEL.</p>
          </div>
        </div>
      ) : null}

      {error ? <FormAlert>{error}</FormAlert> : null}

      {generationId === null ? (
        <form id={`${ids}-form`} className="grid gap-4" onSubmit={(event) => void submit(event)}>
          <Field
            id={`${ids}-prompt`}
            label="Prompt"
            errors={promptTooLong ? [`Keep the prompt to ${maxPromptChars} characters (it has ${promptLength}).`] : fieldErrors.prompt}
            hint={`${promptLength} / ${maxPromptChars} characters. Describe the place, the light and the mood.`}
          >
            <textarea
              id={`${ids}-prompt`}
              className={cn(inputClassName, 'h-24 resize-y py-2')}
              value={request.prompt}
              placeholder="Desert road at sunset, long shadows, a lone gas station"
              onChange={(event) => update({ prompt: event.target.value })}
              onKeyDown={(event) => {
                if (event.key === 'Enter' && (event.metaKey || event.ctrlKey)) event.currentTarget.form?.requestSubmit()
              }}
              required
              autoFocus
              {...describedBy(`${ids}-prompt`, { errors: promptTooLong ? ['x'] : fieldErrors.prompt, hasHint: true })}
            />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field id={`${ids}-style`} label="Style">
              <Select value={request.stylePreset} onValueChange={(value) => update({ stylePreset: value as StylePreset })}>
                <SelectTrigger id={`${ids}-style`} aria-label="Style">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {stylePresets.map((preset) => (
                    <SelectItem key={preset} value={preset}>
                      {stylePresetLabels[preset]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field id={`${ids}-negative`} label="Leave out (optional)" hint="Where the model supports it." errors={fieldErrors.negativePrompt}>
              <Input
                id={`${ids}-negative`}
                value={request.negativePrompt}
                placeholder="people, text"
                maxLength={maxPromptChars}
                onChange={(event) => update({ negativePrompt: event.target.value })}
                {...describedBy(`${ids}-negative`, { errors: fieldErrors.negativePrompt, hasHint: true })}
              />
            </Field>
            <Field id={`${ids}-seed`} label="Seed" hint="The same seed and prompt give the same picture." errors={fieldErrors.seed}>
              <div className="flex gap-2">
                <Input
                  id={`${ids}-seed`}
                  inputMode="numeric"
                  value={request.seed}
                  onChange={(event) => update({ seed: event.target.value.replace(/[^0-9]/g, '') })}
                  {...describedBy(`${ids}-seed`, { errors: fieldErrors.seed, hasHint: true })}
                />
                <Button type="button" variant="secondary" size="icon" className="size-9 shrink-0" aria-label="New random seed" onClick={() => update({ seed: String(randomSeed()) })}>
                  <Dices aria-hidden />
                </Button>
              </div>
            </Field>
            <fieldset className="flex flex-col gap-2">
              <legend className="mb-2 text-sm font-medium">Variations</legend>
              <div className="flex gap-1" role="radiogroup" aria-label="Variations">
                {Array.from({ length: maxVariations }, (_, index) => index + 1).map((count) => (
                  <button
                    key={count}
                    type="button"
                    role="radio"
                    aria-checked={request.variations === count}
                    className={cn(
                      'h-9 flex-1 rounded-md border text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/40',
                      request.variations === count ? 'border-primary bg-primary/15 text-foreground' : 'border-border bg-input text-muted-foreground hover:border-border-strong',
                    )}
                    onClick={() => update({ variations: count })}
                  >
                    {count}
                  </button>
                ))}
              </div>
            </fieldset>
          </div>
          <DialogFooter>
            <Button type="submit" pending={starting} disabled={promptTooLong || promptLength === 0}>
              <Sparkles aria-hidden />
              Generate
            </Button>
          </DialogFooter>
        </form>
      ) : null}

      {running ? (
        <div className="grid gap-3" data-testid="generation-progress">
          <div className="flex items-center justify-between text-sm">
            <span>{status?.label ?? (status?.state === 'queued' || !status ? 'Waiting for a worker…' : 'Generating…')}</span>
            <span className="tabular-nums text-muted-foreground">{Math.round((status?.progress ?? 0) * 100)}%</span>
          </div>
          <ProgressBar value={status?.state === 'running' ? status.progress : null} label="Generating background" />
          <DialogFooter>
            <Button variant="secondary" onClick={() => void cancel()} pending={cancelling}>
              Cancel
            </Button>
          </DialogFooter>
        </div>
      ) : null}

      {finished && status ? (
        <div className="grid gap-4">
          {status.variations.length === 0 ? (
            <p className="text-sm text-muted-foreground">The generator answered without a picture. Try again, perhaps with a different prompt.</p>
          ) : (
            <div className="grid grid-cols-2 gap-3" role="radiogroup" aria-label="Variations to choose from">
              {status.variations.map((variation, index) => {
                const checked = selected === variation.assetId
                return (
                  <button
                    key={variation.assetId}
                    type="button"
                    role="radio"
                    aria-checked={checked}
                    aria-label={`Variation ${index + 1}`}
                    className={cn(
                      'group relative overflow-hidden rounded-lg border-2 bg-muted text-left transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring/60',
                      checked ? 'border-primary' : 'border-transparent hover:border-border-strong',
                    )}
                    onClick={() => setSelected(variation.assetId)}
                    onDoubleClick={() => void place()}
                  >
                    {/* eslint-disable-next-line @next/next/no-img-element -- served by our media route with its own access check */}
                    <img src={variation.url} alt="" className="block w-full" style={{ aspectRatio: `${variation.width} / ${variation.height}` }} />
                    <span className="absolute bottom-1.5 left-1.5 rounded bg-black/60 px-1.5 py-0.5 text-xs text-white">
                      {index + 1}
                      {variation.seed !== null ? ` · seed ${variation.seed}` : ''}
                    </span>
                    {checked ? (
                      <span className="absolute right-1.5 top-1.5 flex size-6 items-center justify-center rounded-full bg-primary text-primary-foreground">
                        <Check className="size-4" aria-hidden />
                      </span>
                    ) : null}
                  </button>
                )
              })}
            </div>
          )}
          {!status.offline && status.generatorLabel ? <p className="text-xs text-muted-foreground">Made by {status.generatorLabel}.</p> : null}
          <DialogFooter>
            <Button variant="secondary" onClick={backToForm}>
              Change the request
            </Button>
            <Button onClick={() => void place()} pending={placing} disabled={!selected}>
              Place under the drawing
            </Button>
          </DialogFooter>
        </div>
      ) : null}

      {stoppedEarly ? (
        <div className="grid gap-3">
          {status?.state === 'cancelled' ? <p className="text-sm text-muted-foreground">Cancelled. Nothing was kept.</p> : null}
          <DialogFooter>
            <Button variant="secondary" onClick={backToForm}>
              Back to the request
            </Button>
          </DialogFooter>
        </div>
      ) : null}
    </>
  )
}

