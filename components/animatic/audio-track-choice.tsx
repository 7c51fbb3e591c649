'use client'
// The render card's "Sound" section: the project's sound files to choose from (or none), and an upload with a
// progress bar where the uploader says what the file is and who or what made it, for the disclosure ledger.
import { Music, Upload } from 'lucide-react'
import { useId, useRef, useState } from 'react'
import { toast } from 'sonner'
import { ProgressBar } from '@/components/review/upload/progress-bar'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Input, inputClassName } from '@/components/ui/input'
import { formatTrackLength, uploadAudio, type AudioDeclaration, type AudioTrackView } from './upload-audio'

const categoryNames: Record<string, string> = { music: 'Music', voice_audio: 'Voice' }
const originNames: Record<string, string> = { human: 'made by the team', imported: 'brought in', ai_generated: 'AI-generated', ai_assisted: 'AI-assisted' }

export function AudioTrackChoice({
  projectId,
  tracks,
  selected,
  disabled,
  onSelect,
  onUploaded,
}: {
  projectId: string
  tracks: readonly AudioTrackView[]
  selected: string | null
  disabled: boolean
  onSelect: (assetId: string | null) => void
  onUploaded: (track: AudioTrackView) => void
}) {
  const ids = useId()
  const fileInput = useRef<HTMLInputElement>(null)
  const [file, setFile] = useState<File | null>(null)
  const [declaration, setDeclaration] = useState<AudioDeclaration>({ category: 'music', origin: 'human', provider: '', model: '' })
  const [progress, setProgress] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const uploading = progress !== null

  async function upload() {
    if (!file) return
    setError(null)
    setProgress(0)
    try {
      const track = await uploadAudio({ projectId, file, declaration, onProgress: setProgress })
      onUploaded(track)
      onSelect(track.id)
      toast.success(`“${track.name}” uploaded`)
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
    } catch (uploadError) {
      setError(uploadError instanceof Error ? uploadError.message : 'The sound file could not be uploaded. Try again.')
    } finally {
      setProgress(null)
    }
  }

  return (
    <fieldset className="flex flex-col gap-3" disabled={disabled} data-testid="animatic-sound">
      <legend className="mb-2 text-sm font-medium">Sound</legend>
      <div role="radiogroup" aria-label="Sound" className="flex flex-col gap-1.5">
        {[{ id: null, label: 'No sound', detail: 'The animatic renders silent.' }, ...tracks.map((track) => ({
          id: track.id,
          label: track.name,
          detail: [formatTrackLength(track.durationSeconds), track.category ? categoryNames[track.category] ?? track.category : null, track.origin ? originNames[track.origin] ?? track.origin : null]
            .filter(Boolean)
            .join(' · '),
        }))].map((choice) => (
          <label key={choice.id ?? 'none'} className="flex cursor-pointer items-start gap-3">
            <input
              type="radio"
              name={`${ids}-sound`}
              className="mt-0.5 size-4 accent-[var(--color-primary)]"
              checked={selected === choice.id}
              onChange={() => onSelect(choice.id)}
            />
            <span className="flex flex-col gap-0.5">
              <span className="flex items-center gap-1.5 text-sm font-medium">
                {choice.id ? <Music aria-hidden className="size-3.5 text-muted-foreground" /> : null}
                {choice.label}
              </span>
              <span className="text-xs text-muted-foreground">{choice.detail}</span>
            </span>
          </label>
        ))}
      </div>
      <div className="flex flex-col gap-3 rounded-lg border border-border p-3">
        <label htmlFor={`${ids}-file`} className="text-sm font-medium">
          Upload music or a scratch voice
        </label>
        <input
          id={`${ids}-file`}
          ref={fileInput}
          type="file"
          accept="audio/*,.wav,.mp3,.m4a,.aac,.flac,.ogg,.opus"
          className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:py-1 file:text-sm"
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
        />
        <p className="text-xs text-muted-foreground">WAV, MP3, M4A/AAC, FLAC or OGG/Opus. It is cut or padded with silence to the animatic’s length.</p>
        <div className="grid gap-3 sm:grid-cols-2">
          <label className="flex flex-col gap-1.5 text-sm">
            <span className="font-medium">What it is</span>
            <select
              className={inputClassName}
              value={declaration.category}
              onChange={(event) => setDeclaration({ ...declaration, category: event.target.value as AudioDeclaration['category'] })}
            >
              <option value="music">Music</option>
              <option value="voice_audio">Voice (scratch track, dialogue)</option>
            </select>
          </label>
          <label className="flex flex-col gap-1.5 text-sm">
            <span className="font-medium">Who made it</span>
            <select
              className={inputClassName}
              value={declaration.origin}
              onChange={(event) => setDeclaration({ ...declaration, origin: event.target.value as AudioDeclaration['origin'] })}
            >
              <option value="human">Made by the team</option>
              <option value="imported">Brought in (library, licensed)</option>
              <option value="ai_generated">Generated by AI</option>
            </select>
          </label>
        </div>
        {declaration.origin === 'ai_generated' ? (
          <div className="grid gap-3 sm:grid-cols-2">
            <label className="flex flex-col gap-1.5 text-sm">
              <span className="font-medium">AI service</span>
              <Input value={declaration.provider} placeholder="e.g. suno, elevenlabs" onChange={(event) => setDeclaration({ ...declaration, provider: event.target.value })} />
            </label>
            <label className="flex flex-col gap-1.5 text-sm">
              <span className="font-medium">Model</span>
              <Input value={declaration.model} placeholder="e.g. v4" onChange={(event) => setDeclaration({ ...declaration, model: event.target.value })} />
            </label>
          </div>
        ) : null}
        <p className="text-xs text-muted-foreground">Recorded in the project’s AI disclosure ledger as you describe it here.</p>
        {uploading ? <ProgressBar value={progress} label="Sound upload progress" /> : null}
        {error ? (
          <p className="text-sm text-destructive" role="alert">
            {error}
          </p>
        ) : null}
        <Button type="button" variant="outline" className={cn('w-fit')} onClick={upload} disabled={!file || uploading} pending={uploading}>
          <Upload aria-hidden className="size-4" /> Upload sound
        </Button>
      </div>
    </fieldset>
  )
}
