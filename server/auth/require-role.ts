import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { memberships, projects } from '@/db/schema'
import { AppError } from '@/lib/errors'
import { roleAtLeast, type Role } from '@/lib/roles'

/** Who is acting. Always built on the server from the session, never from client input. */
export interface Actor {
  userId: string
  name: string | null
  email: string
}

export type AccessScope = { projectId: string } | { workspaceId: string }

export interface Access {
  workspaceId: string
  projectId: string | null
  role: Role
}

/**
 * The one place that decides access. A caller who is not a member of the owning workspace gets NOT_FOUND,
 * so ids of other workspaces reveal nothing; a member below the minimum role gets FORBIDDEN.
 * Archived projects stay readable but are only writable by owners and editors (who can unarchive them).
 */
export async function requireRole(actor: Actor | null, scope: AccessScope, minimumRole: Role): Promise<Access> {
  if (!actor) throw new AppError('UNAUTHENTICATED', { userMessage: 'Please sign in to continue.' })
  const db = await getDb()
  let workspaceId: string
  let projectId: string | null = null
  if ('projectId' in scope) {
    const [project] = await db
      .select({ workspaceId: projects.workspaceId })
      .from(projects)
      .where(eq(projects.id, scope.projectId))
      .limit(1)
    if (!project) throw new AppError('NOT_FOUND', { userMessage: 'That project was not found.' })
    workspaceId = project.workspaceId
    projectId = scope.projectId
  } else {
    workspaceId = scope.workspaceId
  }
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, actor.userId)))
    .limit(1)
  if (!membership) {
    throw new AppError('NOT_FOUND', { userMessage: projectId ? 'That project was not found.' : 'That workspace was not found.' })
  }
  if (!roleAtLeast(membership.role, minimumRole)) {
    throw new AppError('FORBIDDEN', {
      userMessage: `This needs ${minimumRole} access; you are a ${membership.role} here.`,
      details: { role: membership.role, minimumRole },
    })
  }
  return { workspaceId, projectId, role: membership.role }
}

/** Role of a user in a workspace, or null. For UI decisions; never a substitute for requireRole on writes. */
export async function findRole(userId: string, workspaceId: string): Promise<Role | null> {
  const db = await getDb()
  const [membership] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
    .limit(1)
  return membership?.role ?? null
}


/** For use cases that need a signed-in user but no particular workspace (creating a workspace, accepting a link). */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED', { userMessage: 'Please sign in to continue.' })
  return actor
}
