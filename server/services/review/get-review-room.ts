import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { projects } from '@/db/schema'
import { notFound } from '@/lib/errors'
import type { Role } from '@/lib/roles'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { findReviewItem, projectScope } from './review-scope'
import { selectRoomVersions, type RoomVersionView } from './room-versions'

export interface ReviewRoomData {
  item: { id: string; projectId: string; title: string; kind: 'cut' | 'animatic' }
  timing: { rate: { numerator: number; denominator: number }; dropFrame: boolean; startTimecode: string }
  versions: RoomVersionView[]
  /** The caller's role, so the page offers only what the services will allow. */
  role: Role
  projectArchived: boolean
}

export const memberMediaUrl = (assetId: string) => `/api/media/${encodeURIComponent(assetId)}`

/** Viewers and up: everything the member review page needs about an item, with names and media URLs. */
export async function getReviewRoom(params: { actor: Actor | null; projectId: string; reviewItemId: string }): Promise<ReviewRoomData> {
  const actor = requireSignedIn(params.actor)
  const access = await requireRole(actor, { projectId: params.projectId }, 'viewer')
  const scope = projectScope(access)
  const db = await getDb()
  const item = await findReviewItem(db, scope, params.reviewItemId)
  const [project] = await db.select().from(projects).where(and(eq(projects.id, scope.projectId), eq(projects.workspaceId, scope.workspaceId)))
  if (!project) throw notFound('That project')
  // Members may read the original like any asset of their project.
  const versions = await selectRoomVersions(db, item.id, { media: memberMediaUrl, download: (version) => `${memberMediaUrl(version.assetId)}?download=1` })
  return {
    item: { id: item.id, projectId: item.projectId, title: item.title, kind: item.kind },
    timing: { rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator }, dropFrame: project.dropFrame, startTimecode: project.startTimecode },
    versions,
    role: access.role,
    projectArchived: project.archivedAt !== null,
  }
}
