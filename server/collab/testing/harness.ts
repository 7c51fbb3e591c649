// One in-process collaboration server on a fresh test database, with a project and people in every role.
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import type { DatabaseHandle } from '@/db'
import { openTestDatabase } from '@/db/test-database'
import { collabSnapshots, collabUpdates } from '@/db/schema'
import type { CollabServerOptions } from '../server'
import { connectClient, logOf, type TestClient } from './clients'
import { createProject, createUser, setRole, type TestProject, type TestUser } from './fixtures'
import { startInProcess, type InProcessServer } from './servers'

export interface Harness {
  database: DatabaseHandle
  server: InProcessServer
  project: TestProject
  owner: TestUser
  editor: TestUser
  commenter: TestUser
  viewer: TestUser
  stranger: TestUser
  /** A stock WebsocketProvider signed in as `user`, sending the app's Origin; destroyed by `close`. */
  client(user: TestUser, docName: string, doc?: Y.Doc): TestClient
  headers(user: TestUser): Record<string, string>
  /** The test log of a document as stored in Postgres (snapshot + update rows). */
  storedLog(docName: string): Promise<string[]>
  close(): Promise<void>
}

export async function createHarness(options: CollabServerOptions = {}): Promise<Harness> {
  const database = await openTestDatabase()
  const db = database.db
  const owner = await createUser(db, 'Olive Owner')
  const [editor, commenter, viewer, stranger] = await Promise.all([
    createUser(db, 'Ed Editor'),
    createUser(db, 'Cam Commenter'),
    createUser(db, 'Vi Viewer'),
    createUser(db, 'Stan Stranger'),
  ])
  const project = await createProject(db, owner)
  await setRole(db, project.workspaceId, editor.id, 'editor')
  await setRole(db, project.workspaceId, commenter.id, 'commenter')
  await setRole(db, project.workspaceId, viewer.id, 'viewer')
  const server = await startInProcess(options)
  const clients: TestClient[] = []
  const headers = (user: TestUser) => ({ cookie: user.cookie, origin: server.origin })
  return {
    database,
    server,
    project,
    owner,
    editor,
    commenter,
    viewer,
    stranger,
    headers,
    client(user, docName, doc) {
      const created = connectClient({ wsUrl: server.wsUrl, docName, headers: headers(user), doc })
      clients.push(created)
      return created
    },
    storedLog: async (docName) => logOf(await storedDoc(database, docName)),
    async close() {
      for (const client of clients) client.destroy()
      await server.close()
      await database.close()
    },
  }
}

export async function storedDoc(database: DatabaseHandle, docName: string): Promise<Y.Doc> {
  const [snapshot] = await database.db.select().from(collabSnapshots).where(eq(collabSnapshots.docId, docName))
  const rows = await database.db.select({ update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.docId, docName))
  const doc = new Y.Doc()
  if (snapshot) Y.applyUpdate(doc, snapshot.state)
  for (const row of rows) Y.applyUpdate(doc, row.update)
  return doc
}
