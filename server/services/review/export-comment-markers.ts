import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { notFound } from '@/lib/errors'
import { markerExportFormats, type MarkerExportFormatId, type MarkerExportInput } from '@/lib/markers'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { selectVersionComments } from './comment-list-query'
import { findReviewVersion, projectScope } from './review-scope'

/**
 * Viewers and up download a version's notes as markers for editing software. Frames are relative to the version's
 * first frame and labelled with the project's rate, drop-frame flag and start timecode; replies fold into their thread.
 */
export async function exportCommentMarkers(params: { actor: Actor | null; projectId: string; versionId: string; format: MarkerExportFormatId }): Promise<{ fileName: string; mimeType: string; content: string }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'viewer'))
  const db = await getDb()
  const { version, item } = await findReviewVersion(db, scope, params.versionId)
  const [project] = await db.select().from(projects).where(and(eq(projects.id, scope.projectId), eq(projects.workspaceId, scope.workspaceId)))
  if (!project) throw notFound('That project')
  const format = markerExportFormats.find((candidate) => candidate.id === params.format)
  if (!format) throw notFound('That marker format')
  const comments = (await selectVersionComments(db, version.id, false)).filter((comment) => comment.parentId === null)
  const clipName = `${item.title} v${version.number}`
  const input: MarkerExportInput = {
    rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator, dropFrame: project.dropFrame },
    startTimecode: project.startTimecode,
    clipName,
    durationFrames: version.frameCount,
    resolution: { width: version.width, height: version.height },
    markers: comments.map((comment) => ({
      frameIn: comment.frameIn,
      frameOut: comment.frameOut ?? undefined,
      note: comment.body,
      author: comment.authorName,
      kind: comment.authorKind === 'guest' ? 'guest' : 'comment',
      resolved: comment.resolvedAt !== null,
    })),
  }
  // Keeps the title as written (accents, dashes): the download route's Content-Disposition carries an ASCII
  // fallback and the exact name. Only what a file system or a header cannot hold is replaced.
  // eslint-disable-next-line no-control-regex -- control characters are exactly what a header cannot carry
  const safeName = clipName.replace(/[/\\:*?"<>|\u0000-\u001f\u007f]+/g, '_').trim() || 'markers'
  return { fileName: `${safeName}.${format.extension}`, mimeType: format.mimeType, content: format.render(input) }
}
