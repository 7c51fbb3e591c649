'use client'
// Storyboard PDF options: layout, orientation, paper and which fields print. Builds the export URL and downloads it.
import { useState } from 'react'
import { Download } from 'lucide-react'
import { exportUrl, storyboardQueryString } from '@/lib/exports/export-query'
import {
  orientations,
  paperSizes,
  storyboardFields,
  storyboardLayouts,
  storyboardPdfOptions,
  type StoryboardField,
  type StoryboardPdfOptions,
} from '@/lib/exports/storyboard-options'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { downloadExport } from './download-export'

const layoutLabels = { '1': '1 a page', '2x2': '2 × 2', '3x2': '3 × 2', '3x3': '3 × 3' } as const
const fieldLabels: Record<StoryboardField, string> = { action: 'Action', dialogue: 'Dialogue', notes: 'Notes', duration: 'Duration', shotFields: 'Size, angle, move, lens' }
const paperLabels = { a4: 'A4', letter: 'US Letter' } as const

interface Props {
  projectId: string
  open: boolean
  onOpenChange: (open: boolean) => void
}

function Choice<T extends string>({ legend, name, values, labels, value, onChange }: {
  legend: string; name: string; values: readonly T[]; labels: Record<T, string>; value: T; onChange: (value: T) => void
}) {
  return (
    <fieldset className="flex flex-col gap-2">
      <legend className="mb-1 text-sm font-medium">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {values.map((option) => (
          <label key={option} className="flex cursor-pointer items-center gap-2 rounded-md border border-border px-3 py-1.5 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent">
            <input type="radio" name={name} value={option} checked={value === option} onChange={() => onChange(option)} className="accent-current" />
            {labels[option]}
          </label>
        ))}
      </div>
    </fieldset>
  )
}

export function StoryboardExportDialog({ projectId, open, onOpenChange }: Props) {
  const [options, setOptions] = useState<StoryboardPdfOptions>(() => storyboardPdfOptions.parse({}))
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const set = <K extends keyof StoryboardPdfOptions>(key: K, value: StoryboardPdfOptions[K]) => setOptions((current) => ({ ...current, [key]: value }))
  const url = exportUrl(projectId, 'storyboard.pdf', storyboardQueryString(options))

  async function download() {
    setPending(true)
    setError(null)
    const result = await downloadExport(url, 'storyboard.pdf')
    setPending(false)
    if (result.ok) onOpenChange(false)
    else setError(result.message)
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-lg">
        <DialogHeader>
          <DialogTitle>Export storyboard PDF</DialogTitle>
          <DialogDescription>Panels in board order with scene headings, a header on every page and page numbers.</DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-4">
          <Choice legend="Panels per page" name="layout" values={storyboardLayouts} labels={layoutLabels} value={options.layout} onChange={(v) => set('layout', v)} />
          <Choice legend="Orientation" name="orientation" values={orientations} labels={{ landscape: 'Landscape', portrait: 'Portrait' }} value={options.orientation} onChange={(v) => set('orientation', v)} />
          <Choice legend="Paper" name="paper" values={paperSizes} labels={paperLabels} value={options.paper} onChange={(v) => set('paper', v)} />
          <fieldset className="flex flex-col gap-2">
            <legend className="mb-1 text-sm font-medium">Print</legend>
            <div className="grid grid-cols-2 gap-2">
              {storyboardFields.map((field) => (
                <label key={field} className="flex cursor-pointer items-center gap-2 text-sm">
                  <input type="checkbox" checked={options[field]} onChange={(event) => set(field, event.target.checked)} />
                  {fieldLabels[field]}
                </label>
              ))}
            </div>
          </fieldset>
          {error ? <p role="alert" className="text-sm text-destructive">{error}</p> : null}
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => onOpenChange(false)}>Cancel</Button>
          <Button pending={pending} onClick={() => void download()} data-testid="download-storyboard-pdf">
            <Download aria-hidden /> Download PDF
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
