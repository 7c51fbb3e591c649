import { createHash, randomUUID } from 'node:crypto'
import { and, eq, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { DeclareAiUseInput } from '@/lib/provenance/declaration'
import { categoryLabels, originLabels } from '@/lib/provenance/vocabulary'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { insertAssetWithProvenance } from './insert-asset-with-provenance'
import { recordProvenance } from './record-provenance'

/**
 * Editors and owners declare AI use the ledger could not see: a ledger row with the category, origin, model and their
 * description. About a file of the project when one is named (a new row on it, so the latest says what it is);
 * otherwise the declaration itself is stored as a small text document, so every row still has an asset to count
 * and the report shows what was declared. Row and document land together or not at all.
 */
export async function declareAiUse(params: DeclareAiUseInput & { actor: Actor | null; now?: Date }): Promise<{ entryId: string; assetId: string }> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const details = {
    origin: params.origin,
    category: params.category,
    provider: params.provider ?? null,
    model: params.model ?? null,
    parameters: { declaration: true, title: params.title, description: params.description },
  }
  const db = await getDb()

  if (params.assetId) {
    const [asset] = await db
      .select({ id: assets.id })
      .from(assets)
      .where(and(eq(assets.id, params.assetId), eq(assets.projectId, params.projectId), eq(assets.workspaceId, workspaceId), isNull(assets.deletedAt)))
    if (!asset) throw new AppError('NOT_FOUND', { userMessage: 'That file is not in this project.' })
    const row = await recordProvenance({ projectId: params.projectId, assetId: asset.id, actorUserId: actor.userId, details })
    return { entryId: row.id, assetId: asset.id }
  }

  const text = declarationText(params, actor, params.now ?? new Date())
  const bytes = new TextEncoder().encode(text)
  const assetId = randomUUID()
  const storageKey = assetStorageKey({ projectId: params.projectId, assetId, name: 'declaration.txt' })
  const storage = getStorage()
  await storage.put(storageKey, bytes, { contentType: 'text/plain; charset=utf-8' })
  try {
    const entryId = await db.transaction(async (tx) => {
      const entry = await insertAssetWithProvenance({
        executor: tx,
        asset: {
          id: assetId,
          workspaceId,
          projectId: params.projectId,
          kind: 'document',
          storageKey,
          originalName: params.title,
          mime: 'text/plain',
          bytes: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          createdBy: actor.userId,
        },
        details,
      })
      return entry.id    })
    return { entryId, assetId }
  } catch (error) {
    await storage.delete(storageKey).catch((cleanupError: unknown) => console.error('[provenance] could not remove', storageKey, cleanupError))
    throw error
  }
}

function declarationText(params: DeclareAiUseInput, actor: Actor, now: Date): string {
  return [
    'AI use declared in Storyreel',
    `What: ${params.title}`,
    `Category: ${categoryLabels[params.category]}`,
    `Origin: ${originLabels[params.origin]}`,
    ...(params.provider ? [`AI service: ${params.provider}`] : []),
    ...(params.model ? [`Model: ${params.model}`] : []),
    `Declared by: ${actor.name ?? actor.email}, ${now.toISOString()}`,
    '',
    params.description,
    '',
  ].join('\n')
}
