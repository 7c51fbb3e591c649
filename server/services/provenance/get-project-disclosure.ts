import { and, desc, eq, isNull, ne } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewItems, reviewVersions } from '@/db/schema'
import type { Outline } from '@/lib/board'
import { buildDisclosureReport, type LatestAnimatic } from '@/lib/provenance/build-disclosure-report'
import type { PanelAssets } from '@/lib/provenance/build-disclosure-summary'
import type { DisclosureReport } from '@/lib/provenance/disclosure-report'
import type { Actor } from '@/server/auth/require-role'
import { readBoard } from '@/server/services/boards/read-board'
import { listProjectProvenance } from './list-project-provenance'

/**
 * The project's AI-disclosure report for viewers and up: the ledger, the board's panels and the latest animatic
 * version, read together. The page and the JSON/Markdown/PDF exports all come from this one answer.
 */
export async function getProjectDisclosure(params: { actor: Actor | null; projectId: string; now?: Date }): Promise<DisclosureReport> {
  const read = await readBoard(params)
  try {
    const { project, board } = read
    const outline = board.outline()
    const entries = await listProjectProvenance(params)
    const animatic = await latestAnimatic(project.id, project.workspaceId, outline)
    return buildDisclosureReport({
      project: { id: project.id, name: project.name },
      panels: panelAssets(outline),
      entries,
      animatic,
      generatedAt: params.now ?? new Date(),
    })
  } finally {
    read.board.destroy()
    read.doc.destroy()
  }
}

/** Every picture that shows in a panel: its drawing's render, the thumbnail made from it, a background layer. */
function panelAssets(outline: Outline): PanelAssets[] {
  return outline.scenes.flatMap((scene) =>
    scene.shots.flatMap((shot) =>
      shot.panels.map(({ panel }) => ({
        id: panel.id,
        assetIds: [panel.imageAssetId, panel.thumbnailAssetId, panel.backgroundAssetId].filter((id): id is string => id !== null),
      })),
    ),
  )
}

/** The newest version of any live animatic review item in the project that did not fail to process. */
async function latestAnimatic(projectId: string, workspaceId: string, outline: Outline): Promise<LatestAnimatic | null> {
  const db = await getDb()
  const [row] = await db
    .select({
      reviewItemId: reviewItems.id,
      title: reviewItems.title,
      versionNumber: reviewVersions.number,
      versionAssetId: reviewVersions.assetId,
      fpsNumerator: reviewVersions.fpsNumerator,
      fpsDenominator: reviewVersions.fpsDenominator,
      frameCount: reviewVersions.frameCount,
      panelMap: reviewVersions.panelMap,
    })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(
      and(
        eq(reviewItems.projectId, projectId),
        eq(reviewItems.workspaceId, workspaceId),
        eq(reviewItems.kind, 'animatic'),
        isNull(reviewItems.archivedAt),
        ne(reviewVersions.processing, 'failed'),
      ),
    )
    .orderBy(desc(reviewVersions.createdAt), desc(reviewVersions.number))
    .limit(1)
  if (!row) return null
  // Versions rendered before panel timing was stored fall back to the board as it is now, and say so.
  const spans = row.panelMap ?? boardSpans(outline)
  return {
    reviewItemId: row.reviewItemId,
    title: row.title,
    versionNumber: row.versionNumber,
    versionAssetId: row.versionAssetId,
    rate: { numerator: row.fpsNumerator, denominator: row.fpsDenominator },
    frameCount: row.frameCount,
    spans,
    timingFrom: row.panelMap ? 'render' : 'board',
  }
}

function boardSpans(outline: Outline) {
  return outline.scenes.flatMap((scene) =>
    scene.shots.flatMap((shot) => shot.panels.map((panel) => ({ panelId: panel.panel.id, frameIn: panel.startFrame, frameOut: panel.startFrame + panel.panel.durationFrames }))),
  )
}
