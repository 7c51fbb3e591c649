import { and, eq, max } from 'drizzle-orm'
import { getDb } from '@/db'
import { reviewVersions } from '@/db/schema'
import { animaticAiFrames, framesToSeconds } from '@/lib/provenance/animatic-ai-frames'
import type { DisclosureReport } from '@/lib/provenance/disclosure-report'
import { requireRole, type Actor } from '@/server/auth/require-role'
import type { PlannedRender } from '@/server/media/animatic/render-animatic-job'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'
import { animaticReviewTitle, findAnimaticItem } from './add-render-to-review'

/**
 * The project's AI disclosure as it will read once this render is in review, for the MP4's own tags, which must be
 * written before the render exists: the ledger and panels as they are now, and the animatic figures of this render's
 * panel timing, as the next version of the Animatic item. Only one render per project runs at a time, so the next
 * number is the one it will get. Before the first render the item has no id yet; the tags never print it.
 */
export async function disclosureOfRender(params: { actor: Actor; render: PlannedRender }): Promise<DisclosureReport> {
  const { actor, render } = params
  const access = await requireRole(actor, { projectId: render.projectId }, 'editor')
  const report = await getProjectDisclosure({ actor, projectId: render.projectId })
  const reviewItemId = await findAnimaticItem(render.projectId, access.workspaceId)
  const aiFrames = animaticAiFrames({
    spans: render.panels.map((panel) => ({ panelId: panel.id, frameIn: panel.startFrame, frameOut: panel.endFrame })),
    aiPanelIds: new Set(report.summary.panels.withAiImageryIds),
    frameCount: render.totalFrames,
    // The in-app render composes the panels' own pictures; only they can carry AI imagery.
    wholeVersionIsAi: false,
  })
  const animatic: DisclosureReport['summary']['animatic'] = {
    status: 'rendered',
    reviewItemId: reviewItemId ?? '',
    reviewItemTitle: animaticReviewTitle,
    versionNumber: (reviewItemId ? await highestVersion(reviewItemId) : 0) + 1,
    frameRate: `${render.rate.numerator}/${render.rate.denominator}`,
    frames: render.totalFrames,
    seconds: framesToSeconds(render.totalFrames, render.rate),
    aiFrames,
    aiSeconds: framesToSeconds(aiFrames, render.rate),
    timingFrom: 'render',
  }
  return { ...report, summary: { ...report.summary, animatic } }
}

async function highestVersion(reviewItemId: string): Promise<number> {
  const db = await getDb()
  const [row] = await db.select({ value: max(reviewVersions.number) }).from(reviewVersions).where(and(eq(reviewVersions.reviewItemId, reviewItemId)))
  return row?.value ?? 0
}
