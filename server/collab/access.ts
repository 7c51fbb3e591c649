// What a principal may do on a document: find the document's project (panels through doc_panels) and ask the one
// access function, requireRole. Re-checks of open sockets use the same membership rule, batched into one query.
import { and, eq, inArray } from 'drizzle-orm'
import { getDb } from '@/db'
import { docPanels, memberships, projects, reviewItems } from '@/db/schema'
import { isAppError } from '@/lib/errors'
import { roleAtLeast, type Role } from '@/lib/roles'
import { parseDocName, type DocName } from '@/lib/collab/doc-name'
import { requireRole } from '@/server/auth/require-role'
import { UpgradeRejection, registeredGuestResolver, type GuestPrincipal, type GuestResolver, type Principal } from './auth'

export interface DocAccess {
  projectId: string
  role: Role
}

export const canWrite = (role: Role) => roleAtLeast(role, 'editor')

/** Documents only the server writes (review change feeds): every client's updates to them are dropped, whatever its role. */
export const isServerWrittenDoc = (docId: string) => parseDocName(docId)?.kind === 'review'

/** Whether a socket with this role on this document may change it. */
export const mayWrite = (role: Role, docId: string) => canWrite(role) && !isServerWrittenDoc(docId)

const notFound = () => new UpgradeRejection(404, 'That document was not found, or you do not have access to it.')

export async function projectOfDoc(name: DocName): Promise<string | null> {
  if (name.kind === 'board') return name.projectId
  const db = await getDb()
  if (name.kind === 'review') {
    const [item] = await db.select({ projectId: reviewItems.projectId }).from(reviewItems).where(eq(reviewItems.id, name.reviewItemId)).limit(1)
    return item?.projectId ?? null
  }
  const [row] = await db.select({ projectId: docPanels.projectId }).from(docPanels).where(eq(docPanels.panelId, name.panelId)).limit(1)
  return row?.projectId ?? null
}

export async function authorizeDoc(
  principal: Principal,
  name: DocName,
  guestResolver: GuestResolver | null = registeredGuestResolver(),
): Promise<DocAccess> {
  const projectId = await projectOfDoc(name)
  if (!projectId) throw notFound()
  if (principal.kind === 'guest') {
    const role = guestResolver ? await guestResolver.roleOn(principal, { projectId, doc: name }) : null
    if (!role) throw notFound()
    return { projectId, role }
  }
  try {
    const access = await requireRole(principal.actor, { projectId }, 'viewer')
    return { projectId, role: access.role }
  } catch (error) {
    if (isAppError(error) && error.code === 'UNAUTHENTICATED') throw new UpgradeRejection(401, error.userMessage)
    if (isAppError(error) && error.code === 'FORBIDDEN') throw new UpgradeRejection(403, error.userMessage)
    if (isAppError(error) && error.code === 'NOT_FOUND') throw notFound()
    throw error
  }
}

export interface RoleCheck {
  principal: Principal
  projectId: string
  /** The document the socket is on: guests' access is per document (a share link opens one review, not the project). */
  docId: string
}

/**
 * Current roles for many (principal, project) pairs at once: null where access is gone. Users are answered by one
 * query (membership in the project's workspace, the rule requireRole applies); guests by the guest resolver.
 */
export async function currentRoles(
  checks: readonly RoleCheck[],
  guestResolver: GuestResolver | null = registeredGuestResolver(),
): Promise<(Role | null)[]> {
  const userChecks = checks.filter((check) => check.principal.kind === 'user')
  const userRoles = new Map<string, Role>()
  if (userChecks.length > 0) {
    const userIds = [...new Set(userChecks.map((c) => (c.principal.kind === 'user' ? c.principal.actor.userId : '')))]
    const projectIds = [...new Set(userChecks.map((c) => c.projectId))]
    const db = await getDb()
    const rows = await db
      .select({ projectId: projects.id, userId: memberships.userId, role: memberships.role })
      .from(projects)
      .innerJoin(memberships, eq(memberships.workspaceId, projects.workspaceId))
      .where(and(inArray(projects.id, projectIds), inArray(memberships.userId, userIds)))
    for (const row of rows) userRoles.set(`${row.userId}\n${row.projectId}`, row.role)
  }
  return Promise.all(
    checks.map(async ({ principal, projectId, docId }) => {
      if (principal.kind === 'user') return userRoles.get(`${principal.actor.userId}\n${projectId}`) ?? null
      return guestRole(principal, projectId, docId, guestResolver)
    }),
  )
}

async function guestRole(guest: GuestPrincipal, projectId: string, docId: string, resolver: GuestResolver | null): Promise<Role | null> {
  const doc = parseDocName(docId)
  if (!resolver || !doc) return null
  return resolver.roleOn(guest, { projectId, doc })
}
