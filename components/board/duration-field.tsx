'use client'
// A duration typed as seconds + frames at the project's rate (the way editors count), stored as a frame count.
import { useId, useState } from 'react'
import { framesFromSecondsAndFrames, nominalFps } from '@/lib/timecode'
import { Input } from '@/components/ui/input'

export interface DurationFieldProps {
  label: string
  frames: number
  frameRate: { numerator: number; denominator: number }
  disabled?: boolean
  onCommit: (frames: number) => void
}

export function DurationField({ label, frames, frameRate, disabled, onCommit }: DurationFieldProps) {
  const fps = nominalFps(frameRate)
  const id = useId()
  const [draft, setDraft] = useState<{ seconds: string; frames: string } | null>(null)
  const shown = draft ?? { seconds: String(Math.floor(frames / fps)), frames: String(frames % fps) }
  const commit = () => {
    if (!draft) return
    setDraft(null)
    const seconds = Number(draft.seconds || 0)
    const extra = Number(draft.frames || 0)
    try {
      const total = framesFromSecondsAndFrames(seconds, Math.min(extra, fps - 1), frameRate)
      if (total !== frames) onCommit(total)
    } catch {
      // Not a duration (negative, fractional): the live value comes back, which is the clearest answer.
    }
  }
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (event.key === 'Enter') commit()
    if (event.key === 'Escape') setDraft(null)
  }
  return (
    // Saved when focus leaves both inputs, so seconds then frames is one edit (and one undo step), not two.
    <fieldset className="flex flex-col gap-1.5" disabled={disabled} onBlur={(event) => {
      if (!event.currentTarget.contains(event.relatedTarget)) commit()
    }}>
      <legend className="mb-1.5 text-xs font-medium text-muted-foreground">{label}</legend>
      <div className="flex items-center gap-2">
        <Input id={`${id}-s`} aria-label={`${label} seconds`} inputMode="numeric" className="w-16 font-mono" value={shown.seconds}
          onChange={(e) => setDraft({ ...shown, seconds: e.target.value.replace(/\D/g, '') })} onKeyDown={onKeyDown} />
        <span className="text-xs text-muted-foreground">s</span>
        <Input id={`${id}-f`} aria-label={`${label} frames`} inputMode="numeric" className="w-14 font-mono" value={shown.frames}
          onChange={(e) => setDraft({ ...shown, frames: e.target.value.replace(/\D/g, '') })} onKeyDown={onKeyDown} />
        <span className="text-xs text-muted-foreground">f of {fps}</span>
      </div>
    </fieldset>
  )
}
