'use client'

import { useRef, useState } from 'react'
import { FileVideo, RotateCcw, Upload as UploadIcon, X } from 'lucide-react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { ProgressBar } from './progress-bar'
import { formatBytes, formatSpeed, formatTimeLeft, percent } from './upload-progress'
import { useTusUpload, type UploadedVersion } from './use-tus-upload'

export interface UploadCutButtonProps {
  /** The tus endpoint (the app's is "/api/uploads"). */
  endpoint: string
  projectId: string
  reviewItemId: string
  /** The server's MAX_UPLOAD_BYTES, to refuse a too-large file before sending a byte; the server checks anyway. */
  maxBytes?: number
  /** Shown on the button and in the dialog ("Upload v3"); omit for "Upload a cut". */
  nextVersionNumber?: number
  /** Called once the file is a version; its processing starts on the server by itself. */
  onUploaded?: (version: UploadedVersion) => void
  disabled?: boolean
  className?: string
}

const accept = 'video/*,.mp4,.mov,.m4v,.mkv,.webm,.avi,.mxf'

/**
 * A button that opens a dialog to pick or drop a cut and upload it as the next version. Closing the dialog keeps the
 * upload going (the button shows its progress); leaving the page pauses it, and choosing the same file later resumes.
 */
export function UploadCutButton({ endpoint, projectId, reviewItemId, maxBytes, nextVersionNumber, onUploaded, disabled, className }: UploadCutButtonProps) {
  const [open, setOpen] = useState(false)
  const [dragging, setDragging] = useState(false)
  const inputRef = useRef<HTMLInputElement>(null)
  const versionLabel = nextVersionNumber ? `v${nextVersionNumber}` : 'a cut'
  const upload = useTusUpload({
    endpoint,
    projectId,
    reviewItemId,
    onUploaded: (version) => {
      setOpen(false)
      toast.success(`${version.number ? `v${version.number}` : 'The new version'} is uploaded`, { description: 'Processing it for playback now.' })
      upload.reset()
      onUploaded?.(version)
    },
    // A toast too, so it is seen when the dialog is closed.
    onFailed: ({ message, status }) => toast.error(status === null ? 'Upload paused' : 'Upload refused', { description: message }),
  })
  const { state } = upload

  function choose(file: File | undefined) {
    if (!file) return
    if (maxBytes !== undefined && file.size > maxBytes) {
      toast.error('That file is too large', { description: `${file.name} is ${formatBytes(file.size)}; the limit is ${formatBytes(maxBytes)}.` })
      return
    }
    if (file.size === 0) {
      toast.error('That file is empty', { description: `${file.name} has no content.` })
      return
    }
    void upload.start(file).catch((error: unknown) => toast.error('The upload could not start', { description: (error as Error).message }))
  }

  const busy = state.phase === 'uploading' || state.phase === 'finishing'
  const triggerLabel =
    state.phase === 'uploading' ? `Uploading ${percent(state.bytesSent, state.bytesTotal)}%` : state.phase === 'finishing' ? 'Checking the video…' : `Upload ${versionLabel}`

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={busy ? 'secondary' : 'primary'} pending={busy} disabled={disabled} className={className}>
          {busy ? null : <UploadIcon aria-hidden />}
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Upload {versionLabel}</DialogTitle>
          <DialogDescription>
            {maxBytes !== undefined ? `Up to ${formatBytes(maxBytes)}. ` : ''}MP4, MOV, MKV, WebM, AVI or MXF. Large files resume if the connection drops.
          </DialogDescription>
        </DialogHeader>

        {state.phase === 'idle' ? (
          <button
            type="button"
            onClick={() => inputRef.current?.click()}
            onDragOver={(event) => {
              event.preventDefault()
              setDragging(true)
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault()
              setDragging(false)
              choose(event.dataTransfer.files[0])
            }}
            className={cn(
              'flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-10 text-center transition-colors focus-visible:outline-2',
              dragging ? 'border-primary bg-accent' : 'border-border-strong hover:border-primary hover:bg-muted',
            )}
          >
            <span className="flex size-11 items-center justify-center rounded-full border border-border bg-muted">
              <FileVideo className="size-5 text-muted-foreground" aria-hidden />
            </span>
            <span className="text-sm font-medium">Drop a video here, or choose a file</span>
            <span className="text-xs text-muted-foreground">Picking a file you started uploading before continues where it stopped.</span>
          </button>
        ) : (
          <UploadProgressPanel upload={upload} />
        )}
        <input
          ref={inputRef}
          type="file"
          accept={accept}
          className="sr-only"
          tabIndex={-1}
          aria-label="Video file"
          onChange={(event) => {
            choose(event.target.files?.[0])
            event.target.value = ''
          }}
        />

        <DialogFooter>
          {busy ? (
            <Button variant="destructive-ghost" onClick={() => void upload.cancel()}>
              <X aria-hidden />
              Cancel upload
            </Button>
          ) : null}
          {state.phase === 'failed' ? (
            <>
              <Button variant="secondary" onClick={() => upload.reset()}>
                Choose another file
              </Button>
              {state.status === null ? (
                <Button onClick={() => void upload.start(state.file)}>
                  <RotateCcw aria-hidden />
                  Resume
                </Button>
              ) : null}
            </>
          ) : null}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}

function UploadProgressPanel({ upload }: { upload: ReturnType<typeof useTusUpload> }) {
  const { state } = upload
  if (state.phase === 'idle') return null
  const file = state.file
  let bar: React.ReactNode
  let detail: string
  if (state.phase === 'uploading') {
    const pct = percent(state.bytesSent, state.bytesTotal)
    bar = <ProgressBar value={state.bytesSent / state.bytesTotal} label="Upload progress" />
    detail = [
      `${pct}%`,
      `${formatBytes(state.bytesSent)} of ${formatBytes(state.bytesTotal)}`,
      formatSpeed(state.bytesPerSecond),
      formatTimeLeft(state.secondsLeft),
      state.resumedFrom > 0 ? `resumed at ${percent(state.resumedFrom, state.bytesTotal)}%` : null,
    ]
      .filter(Boolean)
      .join(' · ')
  } else if (state.phase === 'finishing') {
    bar = <ProgressBar value={null} label="Checking the video" />
    detail = 'All bytes are in. Checking the video and adding the version…'
  } else if (state.phase === 'done') {
    bar = <ProgressBar value={1} label="Upload progress" />
    detail = 'Uploaded.'
  } else {
    bar = <ProgressBar value={1} tone="destructive" label="Upload failed" />
    detail = state.message
  }
  return (
    <div className="grid gap-3 rounded-xl border border-border bg-surface p-4" aria-live="polite">
      <div className="flex items-center gap-3">
        <FileVideo className="size-5 shrink-0 text-muted-foreground" aria-hidden />
        <div className="min-w-0 flex-1">
          <p className="truncate text-sm font-medium" title={file.name}>
            {file.name}
          </p>
          <p className="text-xs text-muted-foreground">{formatBytes(file.size)}</p>
        </div>
      </div>
      {bar}
      <p className={cn('text-xs tabular-nums', state.phase === 'failed' ? 'text-destructive' : 'text-muted-foreground')}>{detail}</p>
    </div>
  )
}
