// Test data for the collaboration tests: real rows inserted with drizzle, real next-auth session cookies.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { encode } from 'next-auth/jwt'
import type { Db } from '@/db'
import { memberships, projects, users, workspaces } from '@/db/schema'
import type { Role } from '@/lib/roles'

export const testSecret = 'collab-test-secret-0123456789-abcdefghijklmnop'

export interface TestUser {
  id: string
  name: string
  email: string
  /** The Cookie header a signed-in browser would send. */
  cookie: string
}

export async function createUser(db: Db, name: string, secret = testSecret): Promise<TestUser> {
  const id = randomUUID()
  const email = `${name.toLowerCase().replace(/\W+/g, '-')}-${id.slice(0, 8)}@example.com`
  await db.insert(users).values({ id, name, email })
  return { id, name, email, cookie: await sessionCookie({ id, name, email }, secret) }
}

export async function sessionCookie(user: { id: string; name: string; email: string }, secret = testSecret, maxAgeSeconds = 3600): Promise<string> {
  const token = await encode({ token: { sub: user.id, name: user.name, email: user.email }, secret, maxAge: maxAgeSeconds })
  return `next-auth.session-token=${token}`
}

export interface TestProject {
  workspaceId: string
  projectId: string
}

/** A workspace owned by `owner` with one project in it. */
export async function createProject(db: Db, owner: TestUser): Promise<TestProject> {
  const workspaceId = randomUUID()
  const projectId = randomUUID()
  await db.insert(workspaces).values({ id: workspaceId, name: `${owner.name}'s studio`, createdBy: owner.id })
  await db.insert(memberships).values({ workspaceId, userId: owner.id, role: 'owner' })
  await db.insert(projects).values({ id: projectId, workspaceId, name: 'Night Shoot', fpsNumerator: 24, fpsDenominator: 1, width: 1920, height: 1080 })
  return { workspaceId, projectId }
}

/** Adds, changes or (with null) removes a membership. */
export async function setRole(db: Db, workspaceId: string, userId: string, role: Role | null): Promise<void> {
  await db.delete(memberships).where(and(eq(memberships.workspaceId, workspaceId), eq(memberships.userId, userId)))
  if (role) await db.insert(memberships).values({ workspaceId, userId, role })
}
