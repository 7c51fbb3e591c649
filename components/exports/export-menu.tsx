'use client'
// "Export" on the board and shot list toolbars: storyboard PDF (with options), shot list PDF and CSV, and the
// shot list CSV import for those who can edit.
import { useState } from 'react'
import { useParams } from 'next/navigation'
import { ChevronDown, FileDown, FileSpreadsheet, FileText, Upload } from 'lucide-react'
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

  async function download(kind: ExportKind) {
    setError(null)
    const result = await downloadExport(exportUrl(projectId, kind), kind)
    if (!result.ok) setError(result.message)
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
          <DropdownMenuItem disabled={readOnlyReason !== null} title={readOnlyReason ?? undefined} onSelect={() => setDialog('import')}>
            <Upload aria-hidden /> Import shot list CSV…
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
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
