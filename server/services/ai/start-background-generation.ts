import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { backgroundGenerations, docPanels } from '@/db/schema'
import { backgroundRequestSchema } from '@/lib/ai/background-request'
import { AppError } from '@/lib/errors'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { aiConfigFromEnv, type AiConfig } from '@/server/ai/ai-config'
import { enqueueJob } from '@/server/jobs/queue'
import { generateBackgroundJob } from './generate-background-job'

/**
 * "Generate background" for a panel: checks the request now (so a prompt over the limit is refused before anything
 * is queued), records it, and queues the job. Editors and owners only. The caller polls getBackgroundGeneration
 * with the id it gets back; the allowance is counted when the job calls the provider.
 */
export async function startBackgroundGeneration(params: {
  actor: Actor | null
  projectId: string
  panelId: string
  request: unknown
  config?: Pick<AiConfig, 'maxPromptChars'>
}): Promise<{ generationId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const { maxPromptChars } = params.config ?? aiConfigFromEnv()
  const parsed = backgroundRequestSchema(maxPromptChars).safeParse(params.request)
  if (!parsed.success) throw new AppError('BAD_REQUEST', { userMessage: parsed.error.issues[0]?.message ?? 'That request is not valid.' })

  const db = await getDb()
  const [panel] = await db
    .select({ panelId: docPanels.panelId })
    .from(docPanels)
    .where(and(eq(docPanels.panelId, params.panelId), eq(docPanels.projectId, params.projectId)))
    .limit(1)
  if (!panel) throw new AppError('NOT_FOUND', { userMessage: 'That panel was not found in this project.' })

  const [row] = await db
    .insert(backgroundGenerations)
    .values({ workspaceId, projectId: params.projectId, panelId: params.panelId, requestedBy: actor.userId, request: parsed.data })
    .returning({ id: backgroundGenerations.id })
  const generationId = row!.id
  try {
    const jobId = await enqueueJob(generateBackgroundJob, { generationId })
    await db.update(backgroundGenerations).set({ jobId }).where(eq(backgroundGenerations.id, generationId))
  } catch (error) {
    // A request that never reached the queue would poll as "queued" forever.
    await db.delete(backgroundGenerations).where(eq(backgroundGenerations.id, generationId))
    throw error
  }
  return { generationId }
}
