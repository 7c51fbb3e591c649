'use client'
// "Export" on the board and shot list toolbars: storyboard PDF (with options), shot list PDF and CSV, the board as a
// Premiere or Final Cut timeline with its images, and the shot list CSV import for those who can edit.
import { useState } from 'react'
import { useParams } from 'next/navigation'
import { ChevronDown, Clapperboard, FileDown, FileSpreadsheet, FileText, Loader2, Upload } from 'lucide-react'
import { boardEditUrl, type BoardEditFormat } from '@/lib/exports/board-edit-format'
import { exportUrl, type ExportKind } from '@/lib/exports/export-query'
import { Button } from '@/components/ui/button'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuSeparator, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { downloadExport } from './download-export'
import { ImportShotListDialog } from './import-shot-list-dialog'
import { StoryboardExportDialog } from './storyboard-export-dialog'

interface Props {
  frameRate: { numerator: number; denominator: number }
  /** Why this person cannot change the board, or null; only the import needs to change it. */
  readOnlyReason: string | null
}

export function ExportMenu({ frameRate, readOnlyReason }: Props) {
  const { projectId } = useParams<{ projectId: string }>()
  const [dialog, setDialog] = useState<'storyboard' | 'import' | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [preparing, setPreparing] = useState(false)

  async function download(kind: ExportKind) {
    setError(null)
    const result = await downloadExport(exportUrl(projectId, kind), kind)
    if (!result.ok) setError(result.message)
  }

  // The zip carries every panel at full resolution, so it can take a few seconds: say so while it is made.
  async function downloadBoardEdit(format: BoardEditFormat) {
    setError(null)
    setPreparing(true)
    try {
      const result = await downloadExport(boardEditUrl(projectId, format), `board-${format}.zip`)
      if (!result.ok) setError(result.message)
    } finally {
      setPreparing(false)
    }
  }

  return (
    <>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="outline" size="sm" data-testid="export-menu">
            <FileDown aria-hidden /> Export <ChevronDown aria-hidden />
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent align="end">
          <DropdownMenuItem onSelect={() => setDialog('storyboard')}><FileText aria-hidden /> Storyboard PDF…</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void download('shot-list.pdf')}><FileText aria-hidden /> Shot list PDF</DropdownMenuItem>
          <DropdownMenuItem onSelect={() => void download('shot-list.csv')}><FileSpreadsheet aria-hidden /> Shot list CSV</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={preparing} onSelect={() => void downloadBoardEdit('xmeml')}><Clapperboard aria-hidden /> Premiere timeline (XML + images)</DropdownMenuItem>
          <DropdownMenuItem disabled={preparing} onSelect={() => void downloadBoardEdit('fcpxml')}><Clapperboard aria-hidden /> Final Cut timeline (FCPXML + images)</DropdownMenuItem>
          <DropdownMenuSeparator />
          <DropdownMenuItem disabled={readOnlyReason !== null} title={readOnlyReason ?? undefined} onSelect={() => setDialog('import')}>
            <Upload aria-hidden /> Import shot list CSV…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
      {preparing ? (
        <span role="status" className="inline-flex items-center gap-1.5 text-sm text-muted-foreground">
          <Loader2 aria-hidden className="size-4 animate-spin" /> Preparing the timeline zip…
        </span>
      ) : null}
      {error ? <span role="alert" className="text-sm text-destructive">{error}</span> : null}
      <StoryboardExportDialog projectId={projectId} open={dialog === 'storyboard'} onOpenChange={(open) => setDialog(open ? 'storyboard' : null)} />
      <ImportShotListDialog
        projectId={projectId}
        frameRate={frameRate}
        readOnlyReason={readOnlyReason}
        open={dialog === 'import'}
        onOpenChange={(open) => setDialog(open ? 'import' : null)}
      />
    </>
  )
}
