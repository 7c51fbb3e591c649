import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { eq, sql } from 'drizzle-orm'
import type { DatabaseHandle } from '@/db'
import { openTestDatabase } from '@/db/test-database'
import { collabUpdates } from '@/db/schema'
import { connectClient, logOf, upgradeStatus, waitUntil, whenSynced, type TestClient } from './testing/clients'
import { createProject, createUser, setRole, type TestProject, type TestUser } from './testing/fixtures'
import { startInProcess, type InProcessServer } from './testing/servers'

let database: DatabaseHandle
let server: InProcessServer
let owner: TestUser
let editor: TestUser
let viewer: TestUser
let stranger: TestUser
let project: TestProject
const clients: TestClient[] = []

beforeAll(async () => {
  database = await openTestDatabase()
  const db = database.db
  owner = await createUser(db, 'Olive Owner')
  editor = await createUser(db, 'Ed Editor')
  viewer = await createUser(db, 'Vi Viewer')
  stranger = await createUser(db, 'Stan Stranger')
  project = await createProject(db, owner)
  await setRole(db, project.workspaceId, editor.id, 'editor')
  await setRole(db, project.workspaceId, viewer.id, 'viewer')
  server = await startInProcess({ config: { flushMs: 20 } })
}, 60_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await server?.close()
  await database?.close()
})

function client(user: TestUser, docName: string): TestClient {
  const created = connectClient({ wsUrl: server.wsUrl, docName, headers: { cookie: user.cookie, origin: server.origin } })
  clients.push(created)
  return created
}

async function storedLog(docName: string): Promise<string[]> {
  const rows = await database.db.select({ update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.docId, docName))
  const doc = new Y.Doc()
  for (const row of rows) Y.applyUpdate(doc, row.update)
  return logOf(doc)
}

describe('collaboration server', () => {
  it('two clients converge through the server and the edits are stored', async () => {
    const docName = `board:${project.projectId}`
    const a = client(owner, docName)
    const b = client(editor, docName)
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.doc.getArray<string>('log').push(['from owner'])
    b.doc.getArray<string>('log').push(['from editor'])
    await waitUntil(() => logOf(a.doc).length === 2 && logOf(b.doc).length === 2)
    expect(logOf(a.doc)).toEqual(logOf(b.doc))
    await waitUntil(async () => (await storedLog(docName)).length === 2, { message: 'edits never reached the database' })
    expect((await storedLog(docName)).sort()).toEqual(['from editor', 'from owner'])
  })

  it('refuses a stranger, a missing session and another origin before loading anything', async () => {
    const url = `${server.wsUrl}/board:${project.projectId}`
    expect(await upgradeStatus(url, { origin: server.origin })).toBe(401)
    expect(await upgradeStatus(url, { cookie: stranger.cookie, origin: server.origin })).toBe(404)
    expect(await upgradeStatus(url, { cookie: owner.cookie, origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(`${server.wsUrl}/notes:${project.projectId}`, { cookie: owner.cookie, origin: server.origin })).toBe(400)
    void sql
  })
})
