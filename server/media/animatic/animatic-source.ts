import { and, eq, inArray, isNull } from 'drizzle-orm'
import { getDb } from '@/db'
import { assets } from '@/db/schema'
import type { AnimaticOverlays, AnimaticPanelInput, AnimaticSettings } from '@/lib/animatic'
import type { Panel } from '@/lib/board'
import { AppError } from '@/lib/errors'
import type { Actor } from '@/server/auth/require-role'
import { readBoard } from '@/server/services/boards/read-board'
import type { ProjectDetail } from '@/server/services/projects/get-project'
import { getStorage } from '@/server/media/storage/get-storage'
import type { LoadPicture } from './panel-pictures'

// What an animatic of a project is made from: the board's panels in outline order with their numbers, the project's
// rate and start timecode, and a way to fetch each panel's picture from media storage, scoped to the project so a
// panel can never pull in another project's asset.

export interface AnimaticSource {
  project: ProjectDetail
  panels: AnimaticPanelInput[]
  settings: AnimaticSettings
  loadPicture: LoadPicture
}

/** A picture larger than this is not a panel drawing; it becomes a slate rather than a memory spike. */
const maxPictureBytes = 64 * 1024 * 1024

export async function loadAnimaticSource(params: { actor: Actor; projectId: string; overlays: AnimaticOverlays }): Promise<AnimaticSource> {
  const { board, project, doc } = await readBoard(params)
  let panels: AnimaticPanelInput[]
  try {
    panels = board.outline().scenes.flatMap((scene) =>
      scene.shots.flatMap((shot) =>
        shot.panels.map(({ panel, index }) => ({
          id: panel.id,
          durationFrames: panel.durationFrames,
          cameraMove: panel.cameraMove,
          transitionIn: panel.transitionIn,
          image: pictureOf(panel),
          dialogue: panel.dialogue,
          numbers: { scene: scene.number, shot: shot.number, panel: index },
        })),
      ),
    )
  } finally {
    board.destroy()
    doc.destroy()
  }
  return {
    project,
    panels,
    settings: {
      rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator, dropFrame: project.dropFrame },
      startTimecode: project.startTimecode,
      overlays: params.overlays,
    },
    loadPicture: (assetId, signal) => loadProjectPicture(project, assetId, signal),
  }
}

/** The full-size render of the drawing; else its thumbnail (small, but the drawing); else a generated background. */
function pictureOf(panel: Panel): string | null {
  return panel.imageAssetId ?? panel.thumbnailAssetId ?? panel.backgroundAssetId ?? null
}

async function loadProjectPicture(project: ProjectDetail, assetId: string, signal?: AbortSignal): Promise<Uint8Array> {
  const db = await getDb()
  const [row] = await db
    .select({ storageKey: assets.storageKey, bytes: assets.bytes })
    .from(assets)
    .where(
      and(
        eq(assets.id, assetId),
        eq(assets.projectId, project.id),
        eq(assets.workspaceId, project.workspaceId),
        inArray(assets.kind, ['image', 'thumbnail']),
        isNull(assets.deletedAt),
      ),
    )
    .limit(1)
  if (!row) throw new AppError('NOT_FOUND', { userMessage: 'That picture is no longer in this project.' })
  if (row.bytes > maxPictureBytes) throw new AppError('PAYLOAD_TOO_LARGE', { userMessage: 'That picture is too large to render.' })
  const { stream } = await getStorage().get(row.storageKey)
  const chunks: Buffer[] = []
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    if (signal?.aborted) {
      stream.destroy()
      throw signal.reason
    }
    chunks.push(chunk)
  }
  return Buffer.concat(chunks)
}
