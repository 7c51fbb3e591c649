import { recordProvenance } from '@/server/services/provenance/record-provenance'
import type { PanelMotionSource } from './panel-motion'

// An animatic rendered with AI motion is generated visuals: its ledger row names the video model and has the panel
// pictures that were set in motion as parents. Panels that fell back to their still are not parents of anything AI.

/** The ledger's cap on parents; a longer board lists its first pictures and says how many there were. */
const maxParents = 100

export async function recordMotionProvenance(params: {
  projectId: string
  assetId: string
  actorUserId: string
  sources: readonly PanelMotionSource[]
}) {
  const [first] = params.sources
  if (!first) return null
  const images = [...new Set(params.sources.map((source) => source.image))]
  const models = [...new Set(params.sources.map((source) => `${source.provider}:${source.modelId}`))]
  return recordProvenance({
    projectId: params.projectId,
    assetId: params.assetId,
    actorUserId: params.actorUserId,
    details: {
      origin: 'ai_generated',
      category: 'visuals',
      provider: first.provider,
      model: first.modelId,
      parentAssetIds: images.slice(0, maxParents),
      parameters: { mode: 'ai-animatic', panelsInMotion: params.sources.length, pictures: images.length, offline: first.offline, ...(models.length > 1 ? { models } : {}) },
    },
  })
}
