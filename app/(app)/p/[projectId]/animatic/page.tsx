// The project's animatic: render the board into review as a new version, with a progress bar and cancel.
import type { Metadata } from 'next'
import { RenderAnimaticCard } from '@/components/animatic/render-animatic-card'
import { roleAtLeast } from '@/lib/roles'
import { loadProject } from '@/app/_lib/loaders'
import { cancelAnimaticRenderAction } from '@/server/actions/animatic/cancel-animatic-render'
import { getAnimaticRenderAction } from '@/server/actions/animatic/get-animatic-render'
import { requestAnimaticRenderAction } from '@/server/actions/animatic/request-animatic-render'
import { findActiveAnimaticRender } from '@/server/services/animatic/find-active-animatic-render'
import { getMotionGenerator } from '@/server/services/animatic/get-motion-generator'
import { listProjectAudio } from '@/server/services/assets/list-project-audio'

export const metadata: Metadata = { title: 'Animatic' }

export default async function AnimaticPage({ params }: { params: Promise<{ projectId: string }> }) {
  const { projectId } = await params
  const { actor, project } = await loadProject(projectId)
  const canRender = roleAtLeast(project.role, 'editor') && !project.archivedAt
  const active = canRender ? await findActiveAnimaticRender({ actor, projectId }) : null
  const audioTracks = canRender ? await listProjectAudio({ actor, projectId }) : []
  return (
    <main className="mx-auto flex w-full max-w-6xl flex-col gap-6 px-6 py-6">
      <RenderAnimaticCard
        projectId={projectId}
        canRender={canRender}
        activeJobId={active?.jobId ?? null}
        motionGenerator={getMotionGenerator()}
        audioTracks={audioTracks.map(({ id, name, durationSeconds, category, origin }) => ({ id, name, durationSeconds, category, origin }))}
        actions={{ request: requestAnimaticRenderAction, get: getAnimaticRenderAction, cancel: cancelAnimaticRenderAction }}
      />
    </main>
  )
}
