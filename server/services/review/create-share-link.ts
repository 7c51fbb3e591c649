import { getDb } from '@/db'
import { shareLinks } from '@/db/schema'
import { insertActivity } from '@/db/queries/activity'
import { AppError } from '@/lib/errors'
import { shareLinkExpiry } from '@/lib/schemas/review'
import { hashPassword } from '@/server/auth/password'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { findReviewItem, projectScope } from './review-scope'
import { generateShareLinkToken, shareLinkUrl } from './share-link-token'

const dayMs = 24 * 60 * 60 * 1000

/** Editors and owners share a review item with people outside the workspace. The URL is returned once: only its hash is kept. */
export async function createShareLink(params: {
  actor: Actor | null
  projectId: string
  reviewItemId: string
  password?: string
  expiresInDays?: number
  canComment?: boolean
  canDownload?: boolean
}): Promise<{ shareLinkId: string; url: string; expiresAt: Date | null }> {
  const actor = requireSignedIn(params.actor)
  const scope = projectScope(await requireRole(actor, { projectId: params.projectId }, 'editor'))
  const days = params.expiresInDays
  if (days !== undefined && (!Number.isInteger(days) || days < shareLinkExpiry.minDays || days > shareLinkExpiry.maxDays)) {
    throw new AppError('BAD_REQUEST', { userMessage: `A link lasts between ${shareLinkExpiry.minDays} and ${shareLinkExpiry.maxDays} days.` })
  }
  const expiresAt = days === undefined ? null : new Date(Date.now() + days * dayMs)
  // Hashed before the transaction: argon2 takes a while and should not hold the item's row.
  const passwordHash = params.password ? await hashPassword(params.password) : null
  const { token, tokenHash } = generateShareLinkToken()
  const db = await getDb()
  const shareLinkId = await db.transaction(async (tx) => {
    const item = await findReviewItem(tx, scope, params.reviewItemId)
    const [link] = await tx
      .insert(shareLinks)
      .values({ reviewItemId: item.id, tokenHash, passwordHash, expiresAt, canComment: params.canComment ?? false, canDownload: params.canDownload ?? false, createdBy: actor.userId })
      .returning({ id: shareLinks.id })
    if (!link) throw new Error('share link insert returned no row')
    await insertActivity(tx, {
      ...scope,
      actorId: actor.userId,
      kind: 'review.link_created',
      data: { reviewItemId: item.id, shareLinkId: link.id, title: item.title, canComment: params.canComment ?? false, passwordProtected: Boolean(passwordHash) },
    })
    return link.id
  })
  return { shareLinkId, url: shareLinkUrl(token), expiresAt }
}
