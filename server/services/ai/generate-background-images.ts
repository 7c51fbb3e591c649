import { createHash, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { backgroundRequestSchema } from '@/lib/ai/background-request'
import { offlineGeneratorLabel } from '@/lib/ai/model-spec'
import { AppError } from '@/lib/errors'
import { imageExtensions } from '@/lib/media/image-types'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { aiConfigFromEnv, type AiConfig } from '@/server/ai/ai-config'
import type { FetchFunction } from '@/server/ai/allow-list-fetch'
import { c2paConfigFromEnv, type C2paSigningConfig } from '@/server/ai/c2pa/c2pa-config'
import { c2paSupportedMime, embedC2paManifest } from '@/server/ai/c2pa/embed-c2pa-manifest'
import { loadSigningIdentity } from '@/server/ai/c2pa/signing-identity'
import { generateImages, type ImageGeneration } from '@/server/ai/generate-images'
import { getStorage } from '@/server/media/storage/get-storage'
import { assetStorageKey } from '@/server/media/storage/storage-key'
import { mediaUrl } from '@/server/services/assets/media-url'
import { insertAssetWithProvenance } from '@/server/services/provenance/insert-asset-with-provenance'
import { consumeGenerationAllowance } from './consume-generation-allowance'

export interface GeneratedBackground {
  assetId: string
  url: string
  width: number
  height: number
  /** The seed that re-makes this variation, when the provider takes seeds. */
  seed: number | null
}

export interface GeneratedBackgrounds {
  images: GeneratedBackground[]
  provider: string
  model: string
  /** True for the built-in procedural generator; `generatorLabel` then says so in words for the UI. */
  offline: boolean
  generatorLabel: string
  warnings: string[]
}

/**
 * Generates 1–4 background variations for a prompt in the project's frame shape, stores each as an image asset
 * and writes its provenance row (AI-generated visuals, with provider, model, prompt, seed and settings). Editors
 * and owners only; counted against the workspace's per-minute limit and daily image budget. All or nothing: the
 * files are written first, then every asset and ledger row in one transaction; any failure removes the files.
 * Placing a chosen variation on a panel is the caller's next step.
 */
export async function generateBackgroundImages(params: {
  actor: Actor | null
  projectId: string
  request: unknown
  signal?: AbortSignal
  onProgress?: (fraction: number) => void
  /** Tests pass their own; otherwise read from the environment. */
  config?: AiConfig
  fetch?: FetchFunction
  /** Who signs the C2PA manifests; tests pass their own, otherwise read from the environment. */
  signing?: C2paSigningConfig
}): Promise<GeneratedBackgrounds> {
  const actor = requireSignedIn(params.actor)
  const { workspaceId } = await requireRole(actor, { projectId: params.projectId }, 'editor')
  const config = params.config ?? aiConfigFromEnv()
  const parsed = backgroundRequestSchema(config.maxPromptChars).safeParse(params.request)
  if (!parsed.success) throw new AppError('BAD_REQUEST', { userMessage: parsed.error.issues[0]?.message ?? 'That request is not valid.' })
  const request = parsed.data

  const db = await getDb()
  const [project] = await db
    .select({ width: projects.width, height: projects.height })
    .from(projects)
    .where(and(eq(projects.id, params.projectId), eq(projects.workspaceId, workspaceId)))
    .limit(1)
  if (!project) throw new AppError('NOT_FOUND', { userMessage: 'That project was not found.' })

  await consumeGenerationAllowance({ workspaceId, images: request.variations, config })
  params.onProgress?.(0.05)

  const generation = await generateImages({
    config,
    prompt: request.prompt,
    negativePrompt: request.negativePrompt,
    style: request.stylePreset,
    n: request.variations,
    seed: request.seed,
    frame: project,
    signal: params.signal,
    fetch: params.fetch,
  })
  params.onProgress?.(0.85)
  const signed = await signGeneratedImages(generation, params.signing)

  const storage = getStorage()
  const stored: { assetId: string; storageKey: string; image: (typeof signed)[number]; seed: number | null }[] = []
  try {
    for (const [index, image] of signed.entries()) {
      params.signal?.throwIfAborted()
      const assetId = randomUUID()
      const storageKey = assetStorageKey({ projectId: params.projectId, assetId, name: 'original' })
      await storage.put(storageKey, image.bytes, { contentType: image.mime })
      stored.push({ assetId, storageKey, image, seed: generation.seed === null ? null : generation.seed + index })
    }
    params.signal?.throwIfAborted()
    await db.transaction(async (tx) => {
      for (const [index, { assetId, storageKey, image, seed }] of stored.entries()) {
        await insertAssetWithProvenance({
          executor: tx,
          asset: {
            id: assetId,
            workspaceId,
            projectId: params.projectId,
            kind: 'image',
            storageKey,
            originalName: `background-${index + 1}.${imageExtensions[image.mime]}`,
            mime: image.mime,
            bytes: image.bytes.length,
            sha256: image.sha256,
            width: image.width,
            height: image.height,
            createdBy: actor.userId,
          },
          details: {
            origin: 'ai_generated',
            category: 'visuals',
            provider: generation.provider,
            model: generation.modelId,
            prompt: request.prompt,
            negativePrompt: request.negativePrompt ?? null,
            seed,
            parameters: {
              purpose: 'panel-background',
              offline: generation.offline,
              stylePreset: request.stylePreset,
              sentPrompt: generation.sentPrompt,
              negativePromptApplied: generation.negativePromptApplied,
              size: generation.size,
              aspectRatio: generation.aspectRatio,
              variation: index + 1,
              variations: stored.length,
              warnings: generation.warnings,
              c2pa: image.c2pa,
            },
          },
        })
      }
    })
  } catch (error) {
    await Promise.all(
      stored.map(({ storageKey }) => storage.delete(storageKey).catch((cleanupError: unknown) => console.error('[ai] could not remove', storageKey, cleanupError))),
    )
    throw error
  }
  params.onProgress?.(1)

  return {
    images: stored.map(({ assetId, image, seed }) => ({ assetId, url: mediaUrl(assetId), width: image.width, height: image.height, seed })),
    provider: generation.provider,
    model: generation.modelId,
    offline: generation.offline,
    generatorLabel: generation.offline ? offlineGeneratorLabel : `${generation.provider} · ${generation.modelId}`,
    warnings: generation.warnings,
  }
}

/**
 * Embeds a signed C2PA manifest in every PNG, so the file itself says a model made it wherever it is copied; the
 * asset's size and SHA-256 are then those of the signed file. Other formats (a provider's JPEG or WebP) are stored as
 * they came, and the ledger says why they carry no manifest. A signing identity that cannot be loaded stops the
 * generation before anything is stored: every generated PNG carries a manifest or none is kept.
 */
async function signGeneratedImages(generation: ImageGeneration, signing: C2paSigningConfig | undefined) {
  const needsSigning = generation.images.some((image) => image.mime === c2paSupportedMime)
  let identity
  try {
    identity = needsSigning ? await loadSigningIdentity(signing ?? c2paConfigFromEnv()) : null
  } catch (error) {
    console.error('[ai] cannot load the C2PA signing identity:', error instanceof Error ? error.message : error)
    throw new AppError('UNAVAILABLE', {
      userMessage: 'The server cannot sign generated images right now (its C2PA signing identity is not usable), so nothing was saved. Ask the administrator to check the server log.',
      cause: error,
    })
  }
  const generatedAt = new Date()
  const softwareAgent = generation.offline ? offlineGeneratorLabel : `${generation.provider} ${generation.modelId}`
  return Promise.all(
    generation.images.map(async (image) => {
      if (image.mime !== c2paSupportedMime || !identity) {
        return { ...image, c2pa: { embedded: false, reason: `${image.mime} files are stored without a C2PA manifest (Storyreel signs PNG only)` } }
      }
      const manifest = await embedC2paManifest(
        image.bytes,
        { provider: generation.provider, model: generation.modelId, offline: generation.offline, generatedAt, softwareAgent },
        identity,
      )
      return {
        ...image,
        bytes: manifest.bytes,
        sha256: createHash('sha256').update(manifest.bytes).digest('hex'),
        c2pa: {
          embedded: true,
          manifestLabel: manifest.manifestLabel,
          instanceId: manifest.instanceId,
          signer: manifest.signer.source,
          signerSubject: manifest.signer.subject,
        },
      }
    }),
  )
}
