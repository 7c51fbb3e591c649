// The project's AI disclosure: what the provenance ledger says a person or a model made, summed up for a festival
// form and listed row by row, with the report as PDF, Markdown and JSON.
import type { Metadata } from 'next'
import { ShieldCheck } from 'lucide-react'
import { DeclareAiUseForm, DisclosureDownloads, DisclosureLedgerTable, DisclosureSummaryCards } from '@/components/disclosure'
import { PageBody, PageHeader } from '@/components/layout/page-header'
import { EmptyState } from '@/components/ui/empty-state'
import { roleAtLeast } from '@/lib/roles'
import { declareAiUseAction } from '@/server/actions/provenance/declare-ai-use'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'
import { loadProject } from '@/app/_lib/loaders'

export const metadata: Metadata = { title: 'AI disclosure' }

export default async function DisclosurePage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { actor, project } = await loadProject(projectId)
  const report = await getProjectDisclosure({ actor, projectId: project.id })
  const canDeclare = roleAtLeast(project.role, 'editor') && !project.archivedAt
  return (
    <PageBody>
      <PageHeader
        level={2}
        title="AI disclosure"
        description="What a person made and what a model made, from the ledger Storyreel keeps for every picture, sound and render in this project."
        actions={<DisclosureDownloads projectId={project.id} />}
      />
      <DisclosureSummaryCards summary={report.summary} />
      {canDeclare ? <DeclareAiUseForm projectId={project.id} declare={declareAiUseAction} /> : null}
      <section className="flex flex-col gap-3" aria-labelledby="ledger-heading">
        <h3 id="ledger-heading" className="text-base font-semibold tracking-tight">
          Ledger
        </h3>
        {report.entries.length === 0 ? (
          <EmptyState
            icon={ShieldCheck}
            title="Nothing recorded yet"
            description={
              <>
                Every asset gets a row here as it is made: drawings from the panel editor (made by a person), uploaded images and audio
                (imported), generated backgrounds and AI animatics (with provider, model, prompt and seed), and drawings over generated
                images (person working over AI output). Draw or upload on the board to start the record.
              </>
            }
          />
        ) : (
          <DisclosureLedgerTable entries={report.entries} />
        )}
      </section>
    </PageBody>
  )
}
