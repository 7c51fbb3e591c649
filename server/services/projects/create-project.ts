import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError } from '@/lib/errors'
import { frameRateById, resolutions, type FrameRateId, type ResolutionId } from '@/lib/frame-rates'
import { defaultStartTimecode, normalizeStartTimecode } from '@/lib/schemas/projects'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

export async function createProject(params: {
  actor: Actor | null
  workspaceId: string
  name: string
  frameRate: FrameRateId
  resolution: ResolutionId
  startTimecode?: string
}): Promise<{ projectId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { workspaceId: params.workspaceId }, 'editor')
  const rate = frameRateById(params.frameRate)
  const resolution = resolutions.find((r) => r.id === params.resolution)
  if (!rate || !resolution) throw new AppError('BAD_REQUEST', { userMessage: 'Choose a frame rate and resolution from the lists.' })
  // Checked here as well as in the action's schema: services are also called from scripts and other services.
  const timecode = normalizeStartTimecode(params.startTimecode ?? defaultStartTimecode, rate)
  if (!timecode.ok) throw new AppError('BAD_REQUEST', { userMessage: `Start timecode: ${timecode.message}` })

  const db = await getDb()
  const projectId = await db.transaction(async (tx) => {
    const [project] = await tx
      .insert(projects)
      .values({
        workspaceId,
        name: params.name,
        fpsNumerator: rate.numerator,
        fpsDenominator: rate.denominator,
        dropFrame: rate.dropFrame,
        width: resolution.width,
        height: resolution.height,
        startTimecode: timecode.timecode,
        createdBy: actor.userId,
      })
      .returning({ id: projects.id })
    if (!project) throw new Error('project insert returned no row')
    await insertActivity(tx, {
      workspaceId,
      projectId: project.id,
      actorId: actor.userId,
      kind: 'project.created',
      data: { name: params.name, frameRate: rate.id, resolution: resolution.id },
    })
    return project.id
  })
  return { projectId }
}
