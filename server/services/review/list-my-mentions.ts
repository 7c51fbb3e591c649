import type { MentionInboxEntry } from '@/lib/review/review-views'
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm'
import { getDb } from '@/db'
import { memberships, projects, reviewComments, reviewItems, reviewMentions, reviewVersions, users } from '@/db/schema'
import { requireSignedIn, type Actor } from '@/server/auth/require-role'

export type { MentionInboxEntry }

/**
 * Where the caller's workspaces still have them as a member and the comment still exists: so a person removed from a
 * workspace stops seeing its notes, and a deleted note leaves the inbox too.
 */
function visibleMentions(userId: string) {
  return and(
    eq(reviewMentions.userId, userId),
    isNull(reviewComments.deletedAt),
    sql`exists (select 1 from ${memberships} where ${memberships.workspaceId} = ${reviewItems.workspaceId} and ${memberships.userId} = ${userId})`,
  )
}

/** The signed-in person's @mentions across their workspaces: unread first, then newest; at most `limit`. */
export async function listMyMentions(params: { actor: Actor | null; limit?: number }): Promise<MentionInboxEntry[]> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const rows = await db
    .select({ mention: reviewMentions, comment: reviewComments, version: reviewVersions, item: reviewItems, project: projects, authorName: users.name, authorEmail: users.email })
    .from(reviewMentions)
    .innerJoin(reviewComments, eq(reviewComments.id, reviewMentions.commentId))
    .innerJoin(reviewVersions, eq(reviewVersions.id, reviewComments.versionId))
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .innerJoin(projects, eq(projects.id, reviewItems.projectId))
    .leftJoin(users, eq(users.id, reviewComments.authorUserId))
    .where(visibleMentions(actor.userId))
    .orderBy(sql`${reviewMentions.readAt} is not null`, desc(reviewMentions.createdAt))
    .limit(Math.min(Math.max(params.limit ?? 100, 1), 200))
  return rows.map(({ mention, comment, version, item, project, authorName, authorEmail }) => ({
    commentId: comment.id,
    body: comment.body,
    authorName: authorName ?? authorEmail ?? 'A former member',
    frameIn: comment.frameIn,
    readAt: mention.readAt,
    createdAt: mention.createdAt,
    projectId: project.id,
    projectName: project.name,
    timing: { rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator }, dropFrame: project.dropFrame, startTimecode: project.startTimecode },
    reviewItemId: item.id,
    reviewItemTitle: item.title,
    versionNumber: version.number,
  }))
}

/** How many of the caller's mentions are unread, for the badge in the top bar. */
export async function countUnreadMentions(params: { actor: Actor | null }): Promise<number> {
  const actor = requireSignedIn(params.actor)
  const db = await getDb()
  const [row] = await db
    .select({ value: count() })
    .from(reviewMentions)
    .innerJoin(reviewComments, eq(reviewComments.id, reviewMentions.commentId))
    .innerJoin(reviewVersions, eq(reviewVersions.id, reviewComments.versionId))
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(and(visibleMentions(actor.userId), isNull(reviewMentions.readAt)))
  return Number(row?.value ?? 0)
}
