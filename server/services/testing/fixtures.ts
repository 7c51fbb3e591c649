// Test-only helpers: people and workspaces made straight in the database, so tests spend their time on the rule
// under test rather than on password hashing. Production code never imports this file.
import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { activity, memberships, users } from '@/db/schema'
import type { Role } from '@/lib/roles'
import type { Actor } from '@/server/auth/require-role'
import { createWorkspace } from '@/server/services/workspaces/create-workspace'

export async function seedUser(name: string): Promise<Actor> {
  const email = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${crypto.randomBytes(4).toString('hex')}@example.test`
  const db = await getDb()
  const [user] = await db.insert(users).values({ name, email }).returning({ id: users.id })
  return { userId: user!.id, name, email }
}

export async function seedWorkspace(owner: Actor, name = 'Test workspace'): Promise<string> {
  return (await createWorkspace({ actor: owner, name })).workspaceId
}

export async function addMember(workspaceId: string, actor: Actor, role: Role): Promise<void> {
  const db = await getDb()
  await db.insert(memberships).values({ workspaceId, userId: actor.userId, role })
}

/** A workspace with one person in each role. */
export async function seedTeam(label = 'Team') {
  const [owner, editor, commenter, viewer] = await Promise.all(
    (['Owner', 'Editor', 'Commenter', 'Viewer'] as const).map((role) => seedUser(`${label} ${role}`)),
  )
  const workspaceId = await seedWorkspace(owner!, `${label} workspace`)
  await addMember(workspaceId, editor!, 'editor')
  await addMember(workspaceId, commenter!, 'commenter')
  await addMember(workspaceId, viewer!, 'viewer')
  return { workspaceId, owner: owner!, editor: editor!, commenter: commenter!, viewer: viewer! }
}

export async function activityKinds(workspaceId: string): Promise<string[]> {
  const db = await getDb()
  const rows = await db.select({ kind: activity.kind }).from(activity).where(eq(activity.workspaceId, workspaceId))
  return rows.map((row) => row.kind)
}

/** Runs fn and returns the AppError code it failed with, or 'ok'. */
export async function outcome(fn: () => Promise<unknown>): Promise<string> {
  try {
    await fn()
    return 'ok'
  } catch (error) {
    const code = (error as { code?: unknown }).code
    if (typeof code === 'string') return code
    throw error
  }
}
