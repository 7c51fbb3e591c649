import { getDb } from '@/db'
import type { ProvenanceDetails } from '@/lib/provenance/vocabulary'
import { anyMadeByAi } from '@/server/services/provenance/any-made-by-ai'
import type { PanelMotionSource } from './panel-motion'

// What the ledger says about a rendered animatic. With AI motion it is generated visuals: the row names the video
// model and has the panel pictures that were set in motion as parents (panels that fell back to their still are not
// parents of anything AI). Otherwise it is the panel pictures put together by a person's timing: ai_assisted when any
// picture it shows was made with AI (a generated background, a drawing over one), else human.

/** The ledger's cap on parents; a longer board lists its first pictures and says how many there were. */
const maxParents = 100

export async function renderProvenance(params: {
  projectId: string
  mode: 'stills' | 'ai'
  /** The panel pictures the render actually showed, in board order. */
  pictures: readonly string[]
  /** The generated panel clips, in AI mode. */
  sources: readonly PanelMotionSource[]
}): Promise<ProvenanceDetails> {
  const [first] = params.sources
  if (first) {
    const images = [...new Set(params.sources.map((source) => source.image))]
    const models = [...new Set(params.sources.map((source) => `${source.provider}:${source.modelId}`))]
    return {
      origin: 'ai_generated',
      category: 'visuals',
      provider: first.provider,
      model: first.modelId,
      parentAssetIds: images.slice(0, maxParents),
      parameters: { mode: 'ai-animatic', panelsInMotion: params.sources.length, pictures: images.length, offline: first.offline, ...(models.length > 1 ? { models } : {}) },
    }
  }
  const pictures = [...new Set(params.pictures)]
  const aiInside = await anyMadeByAi(await getDb(), params.projectId, pictures)
  return {
    origin: aiInside ? 'ai_assisted' : 'human',
    category: 'visuals',
    parentAssetIds: pictures.slice(0, maxParents),
    // An AI-mode render whose every clip fell back is stills, and says it was asked for as AI.
    parameters: { mode: 'stills-animatic', pictures: pictures.length, ...(params.mode === 'ai' ? { requestedMode: 'ai' } : {}) },
  }
}
