import { desc, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { shareLinks } from '@/db/schema'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { findReviewItem, projectScope } from './review-scope'

export interface ShareLinkView {
  id: string
  passwordProtected: boolean
  expiresAt: Date | null
  canComment: boolean
  canDownload: boolean
  revokedAt: Date | null
  createdAt: Date
}

/** Editors and up (the people who can revoke them). Hashes never leave the server. */
export async function listShareLinks(params: { actor: Actor | null; projectId: string; reviewItemId: string }): Promise<ShareLinkView[]> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const db = await getDb()
  const item = await findReviewItem(db, scope, params.reviewItemId)
  const links = await db.select().from(shareLinks).where(eq(shareLinks.reviewItemId, item.id)).orderBy(desc(shareLinks.createdAt))
  return links.map((link) => ({
    id: link.id,
    passwordProtected: link.passwordHash !== null,
    expiresAt: link.expiresAt,
    canComment: link.canComment,
    canDownload: link.canDownload,
    revokedAt: link.revokedAt,
    createdAt: link.createdAt,
  }))
}
