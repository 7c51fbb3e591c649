'use client'

import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { Plus } from 'lucide-react'
import { useServerAction } from '@/components/forms/use-server-action'
import { Button } from '@/components/ui/button'
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from '@/components/ui/dialog'
import { describedBy, Field } from '@/components/ui/field'
import { Input } from '@/components/ui/input'
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select'
import { frameRateById, frameRates, resolutions, type FrameRateId, type ResolutionId } from '@/lib/frame-rates'
import { defaultStartTimecode } from '@/lib/schemas/projects'
import { createProjectAction } from '@/server/actions/projects/create-project'

const defaults = { frameRate: '24' as FrameRateId, resolution: '1920x1080' as ResolutionId }

/** Drop-frame timecode is written with ";" before the frames; keep an untouched default in the right notation. */
function defaultTimecodeFor(rate: FrameRateId): string {
  return frameRateById(rate).dropFrame ? defaultStartTimecode.replace(/:(\d{2})$/, ';$1') : defaultStartTimecode
}

export function NewProjectDialog({ workspaceId }: { workspaceId: string }) {
  const router = useRouter()
  const [open, setOpen] = useState(false)
  const [name, setName] = useState('')
  const [frameRate, setFrameRate] = useState<FrameRateId>(defaults.frameRate)
  const [resolution, setResolution] = useState<ResolutionId>(defaults.resolution)
  const [startTimecode, setStartTimecode] = useState(defaultTimecodeFor(defaults.frameRate))
  const { run, pending, fieldErrors, clearErrors } = useServerAction(createProjectAction, {
    success: 'Project created',
    refresh: false,
    onSuccess: ({ projectId }) => router.push(`/p/${projectId}`),
  })

  const reset = () => {
    setName('')
    setFrameRate(defaults.frameRate)
    setResolution(defaults.resolution)
    setStartTimecode(defaultTimecodeFor(defaults.frameRate))
    clearErrors()
  }

  const changeFrameRate = (next: FrameRateId) => {
    if (startTimecode === defaultTimecodeFor(frameRate)) setStartTimecode(defaultTimecodeFor(next))
    setFrameRate(next)
  }

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        setOpen(next)
        if (!next) reset()
      }}
    >
      <DialogTrigger asChild>
        <Button>
          <Plus aria-hidden />
          New project
        </Button>
      </DialogTrigger>
      <DialogContent>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void run({ workspaceId, name, frameRate, resolution, startTimecode: startTimecode.trim() || undefined })
          }}
        >
          <DialogHeader>
            <DialogTitle>New project</DialogTitle>
            <DialogDescription>Frame rate and resolution set how every timecode, board frame and export is measured.</DialogDescription>
          </DialogHeader>
          <Field id="project-name" label="Name" errors={fieldErrors.name}>
            <Input
              id="project-name"
              value={name}
              onChange={(event) => setName(event.target.value)}
              placeholder="e.g. The Night Ferry"
              autoComplete="off"
              autoFocus
              {...describedBy('project-name', { errors: fieldErrors.name })}
            />
          </Field>
          <div className="grid gap-5 sm:grid-cols-2">
            <Field id="project-frame-rate" label="Frame rate" errors={fieldErrors.frameRate}>
              <Select value={frameRate} onValueChange={(value) => changeFrameRate(value as FrameRateId)}>
                <SelectTrigger id="project-frame-rate" {...describedBy('project-frame-rate', { errors: fieldErrors.frameRate })}>
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {frameRates.map((rate) => (
                    <SelectItem key={rate.id} value={rate.id}>
                      {rate.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field
              id="project-start-timecode"
              label="Start timecode"
              errors={fieldErrors.startTimecode}
              hint={frameRateById(frameRate).dropFrame ? 'Drop-frame: “;” before the frames.' : 'HH:MM:SS:FF'}
            >
              <Input
                id="project-start-timecode"
                value={startTimecode}
                onChange={(event) => setStartTimecode(event.target.value)}
                className="font-mono tabular"
                inputMode="numeric"
                autoComplete="off"
                spellCheck={false}
                {...describedBy('project-start-timecode', { errors: fieldErrors.startTimecode, hasHint: true })}
              />
            </Field>
          </div>
          <Field id="project-resolution" label="Resolution" errors={fieldErrors.resolution}>
            <Select value={resolution} onValueChange={(value) => setResolution(value as ResolutionId)}>
              <SelectTrigger id="project-resolution" {...describedBy('project-resolution', { errors: fieldErrors.resolution })}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {resolutions.map((option) => (
                  <SelectItem key={option.id} value={option.id}>
                    {option.label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Cancel
              </Button>
            </DialogClose>
            <Button type="submit" pending={pending}>
              Create project
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  )
}
