'use client'
// Import a shot list CSV: pick a file, see how its columns were read and every row error, then import. The preview
// runs the same parser as the server; the server parses again and is the one that decides.
import { useState } from 'react'
import { Upload } from 'lucide-react'
import { parseShotListCsv, type ShotListImportResult } from '@/lib/exports/shot-list-csv-import'
import type { ActionResult } from '@/lib/action-result'
import type { ImportShotListOutcome } from '@/lib/exports/shot-list-csv-import'
import { useImportShotList } from './import-shot-list-api'
import { Button } from '@/components/ui/button'
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog'
import { ColumnMappingList, ImportErrorList } from './import-preview'

const MAX_BYTES = 5 * 1024 * 1024

interface Props {
  projectId: string
  frameRate: { numerator: number; denominator: number }
  /** Why this person cannot change the board, or null. */
  readOnlyReason: string | null
  open: boolean
  onOpenChange: (open: boolean) => void
}

type Picked = { name: string; csv: string; preview: ShotListImportResult }

export function ImportShotListDialog({ projectId, frameRate, readOnlyReason, open, onOpenChange }: Props) {
  const [picked, setPicked] = useState<Picked | null>(null)
  const [problem, setProblem] = useState<string | null>(null)
  const [serverResult, setServerResult] = useState<ActionResult<ImportShotListOutcome> | null>(null)
  const [pending, setPending] = useState(false)
  const importShotList = useImportShotList()

  function reset(next: boolean) {
    if (!next) {
      setPicked(null)
      setProblem(null)
      setServerResult(null)
    }
    onOpenChange(next)
  }

  async function pick(file: File | undefined) {
    setPicked(null)
    setServerResult(null)
    setProblem(null)
    if (!file) return
    if (file.size > MAX_BYTES) return setProblem('The file is larger than 5 MB.')
    const csv = await file.text()
    setPicked({ name: file.name, csv, preview: parseShotListCsv(csv, frameRate) })
  }

  async function runImport() {
    if (!picked) return
    if (!importShotList) return setProblem('Importing is not available on this page.')
    setPending(true)
    const result = await importShotList({ projectId, csv: picked.csv })
    setPending(false)
    setServerResult(result)
    if (result.ok && result.data.ok) setPicked(null)
  }

  const preview = picked?.preview
  const plan = preview?.ok ? preview.plan : null
  const shots = plan?.scenes.reduce((sum, scene) => sum + scene.shots.length, 0) ?? 0
  const serverErrors = serverResult?.ok && !serverResult.data.ok ? serverResult.data.errors : null

  return (
    <Dialog open={open} onOpenChange={reset}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>Import shot list</DialogTitle>
          <DialogDescription>
            A CSV with a header row. Its scenes are added at the end of the board; every row must be valid or nothing is imported. Needs “Scene” and “Shot” columns.
          </DialogDescription>
        </DialogHeader>
        <div className="flex flex-col gap-4">
          {readOnlyReason ? <p className="text-sm text-muted-foreground">{readOnlyReason}</p> : null}
          <label className="flex flex-col gap-1 text-sm font-medium">
            CSV file
            <input type="file" accept=".csv,text/csv" disabled={readOnlyReason !== null} onChange={(event) => void pick(event.target.files?.[0])} data-testid="import-file" />
          </label>
          {problem ? <p role="alert" className="text-sm text-destructive">{problem}</p> : null}
          {preview ? <ColumnMappingList columns={preview.ok ? preview.plan.columns : preview.columns} /> : null}
          {preview && (preview.ok ? preview.plan.warnings : preview.warnings).map((warning) => (
            <p key={warning} className="text-sm text-muted-foreground">{warning}</p>
          ))}
          {preview && !preview.ok ? <ImportErrorList errors={preview.errors} /> : null}
          {plan ? (
            <p className="text-sm" data-testid="import-summary">
              Ready: {plan.scenes.length} {plan.scenes.length === 1 ? 'scene' : 'scenes'} and {shots} {shots === 1 ? 'shot' : 'shots'} from {picked?.name}.
            </p>
          ) : null}
          {serverErrors ? <ImportErrorList errors={serverErrors} /> : null}
          {serverResult && !serverResult.ok ? <p role="alert" className="text-sm text-destructive">{serverResult.error.message}</p> : null}
          {serverResult?.ok && serverResult.data.ok ? (
            <p role="status" className="text-sm">
              Imported {serverResult.data.scenes} {serverResult.data.scenes === 1 ? 'scene' : 'scenes'} and {serverResult.data.shots} {serverResult.data.shots === 1 ? 'shot' : 'shots'}.
            </p>
          ) : null}
        </div>
        <DialogFooter>
          <Button variant="ghost" onClick={() => reset(false)}>Close</Button>
          <Button pending={pending} disabled={!plan || readOnlyReason !== null} onClick={() => void runImport()} data-testid="import-shot-list">
            <Upload aria-hidden /> Import
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  )
}
