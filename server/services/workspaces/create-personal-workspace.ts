import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { workspaces } from '@/db/schema'
import type { Executor } from '@/db/queries/executor'
import { insertWorkspaceWithOwner } from './create-workspace'

/** "Ada's workspace", cut to the 120 characters a workspace name may have. */
export function personalWorkspaceName(user: { name: string | null; email: string }): string {
  const who = user.name?.trim() || user.email.split('@')[0] || 'My'
  const suffix = "'s workspace"
  return who.slice(0, 120 - suffix.length) + suffix
}

/**
 * The workspace every account starts with. Runs for password sign-ups (inside their transaction) and for
 * OAuth / magic-link accounts (next-auth's createUser event); a second call for the same user does nothing.
 */
export async function createPersonalWorkspace(params: {
  user: { id: string; name: string | null; email: string }
  tx?: Executor
}): Promise<{ workspaceId: string }> {
  const run = async (tx: Executor) => {
    const [existing] = await tx
      .select({ id: workspaces.id })
      .from(workspaces)
      .where(and(eq(workspaces.createdBy, params.user.id), eq(workspaces.personal, true)))
      .limit(1)
    if (existing) return existing.id
    return insertWorkspaceWithOwner(tx, { ownerId: params.user.id, name: personalWorkspaceName(params.user), personal: true })
  }
  if (params.tx) return { workspaceId: await run(params.tx) }
  const db = await getDb()
  return { workspaceId: await db.transaction(run) }
}
