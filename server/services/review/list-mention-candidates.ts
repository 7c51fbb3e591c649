import { asc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { memberships, users } from '@/db/schema'
import type { MentionCandidate } from '@/lib/review/mentions'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'

/**
 * Commenters and up: the members of the project's workspace, for the composer's @ autocomplete. The same people
 * insertMentions matches against, so a suggested handle always becomes an inbox row.
 */
export async function listMentionCandidates(params: { actor: Actor | null; projectId: string }): Promise<MentionCandidate[]> {
  const actor = requireSignedIn(params.actor)
  const access = await requireRole(actor, { projectId: params.projectId }, 'commenter')
  const db = await getDb()
  return db
    .select({ userId: users.id, name: users.name, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.workspaceId, access.workspaceId))
    .orderBy(asc(users.name), asc(users.email))
}
