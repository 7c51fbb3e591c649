'use client'
// The report's three downloads. Fetched rather than navigated to, so an error shows as a toast and the page stays.
import { useState } from 'react'
import { FileDown, Loader2 } from 'lucide-react'
import { toast } from 'sonner'
import { downloadExport } from '@/components/exports/download-export'
import { Button } from '@/components/ui/button'

const formats = [
  { extension: 'pdf', label: 'PDF' },
  { extension: 'md', label: 'Markdown' },
  { extension: 'json', label: 'JSON' },
] as const

export function DisclosureDownloads({ projectId }: { projectId: string }) {
  const [busy, setBusy] = useState<string | null>(null)
  async function download(extension: string) {
    setBusy(extension)
    try {
      const result = await downloadExport(`/api/projects/${encodeURIComponent(projectId)}/disclosure/report.${extension}`, `ai-disclosure.${extension}`)
      if (!result.ok) toast.error(result.message)
    } finally {
      setBusy(null)
    }
  }
  return (
    <div className="flex flex-wrap items-center gap-2">
      {formats.map(({ extension, label }) => (
        <Button key={extension} variant="outline" size="sm" disabled={busy !== null} onClick={() => void download(extension)} data-testid={`disclosure-download-${extension}`}>
          {busy === extension ? <Loader2 aria-hidden className="animate-spin" /> : <FileDown aria-hidden />} {label}
        </Button>
      ))}
      {busy ? <span role="status" className="sr-only">Preparing the report…</span> : null}
    </div>
  )
}
