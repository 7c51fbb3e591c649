import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { backgroundGenerations, users } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { AiConfig } from '@/server/ai/ai-config'
import type { FetchFunction } from '@/server/ai/allow-list-fetch'
import { generateBackgroundImages } from './generate-background-images'

/**
 * The work of one generate-background job: generates the variations as the person who asked (their role is checked
 * again now, since it may have changed while the job waited) and writes what was made onto the generation row,
 * where the panel editor reads it. A cancel aborts the provider call and leaves no asset behind.
 */
export async function runBackgroundGeneration(params: {
  generationId: string
  signal: AbortSignal
  reportProgress: (fraction: number, label?: string) => void
  config?: AiConfig
  fetch?: FetchFunction
}): Promise<void> {
  const db = await getDb()
  const [generation] = await db.select().from(backgroundGenerations).where(eq(backgroundGenerations.id, params.generationId)).limit(1)
  if (!generation) throw new AppError('NOT_FOUND', { userMessage: 'That background request no longer exists.' })
  const [requester] = generation.requestedBy
    ? await db.select({ userId: users.id, name: users.name, email: users.email }).from(users).where(eq(users.id, generation.requestedBy)).limit(1)
    : []
  if (!requester) throw new AppError('NOT_FOUND', { userMessage: 'The person who asked for this background no longer has an account.' })

  const variations = typeof generation.request.variations === 'number' ? generation.request.variations : 1
  params.reportProgress(0, `Generating ${variations} variation${variations === 1 ? '' : 's'}`)
  const made = await generateBackgroundImages({
    actor: requester,
    projectId: generation.projectId,
    request: generation.request,
    signal: params.signal,
    onProgress: (fraction) => params.reportProgress(fraction, fraction >= 0.85 ? 'Saving images' : undefined),
    config: params.config,
    fetch: params.fetch,
  })
  await db
    .update(backgroundGenerations)
    .set({
      result: {
        images: made.images.map(({ assetId, width, height, seed }) => ({ assetId, width, height, seed })),
        provider: made.provider,
        model: made.model,
        offline: made.offline,
        generatorLabel: made.generatorLabel,
        warnings: made.warnings,
      },
    })
    .where(eq(backgroundGenerations.id, generation.id))
}
