// The browser-side connection (components/collab) against a real server: what it shows, when it stops trying,
// and that edits made while the server is away arrive once it is back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { DatabaseHandle } from '@/db'
import { openTestDatabase } from '@/db/test-database'
import { CollabConnection } from '@/components/collab/collab-connection'
import { logOf, waitUntil, webSocketWith } from './testing/clients'
import { createProject, createUser, setRole, type TestProject, type TestUser } from './testing/fixtures'
import { storedDoc } from './testing/harness'
import { startInProcess, type InProcessServer } from './testing/servers'

let database: DatabaseHandle
let server: InProcessServer
let owner: TestUser
let viewer: TestUser
let project: TestProject
const connections: CollabConnection[] = []

beforeAll(async () => {
  database = await openTestDatabase()
  owner = await createUser(database.db, 'Olive Owner')
  viewer = await createUser(database.db, 'Vi Viewer')
  project = await createProject(database.db, owner)
  await setRole(database.db, project.workspaceId, viewer.id, 'viewer')
  server = await startInProcess({ config: { flushMs: 20 } })
}, 60_000)

afterAll(async () => {
  for (const connection of connections) connection.stop()
  await server?.close()
  await database?.close()
})

let probes = 0
function open(user: TestUser | null, docId = `board:${project.projectId}`, doc = new Y.Doc()): CollabConnection {
  const headers: Record<string, string> = { origin: server.origin, ...(user ? { cookie: user.cookie } : {}) }
  const connection = new CollabConnection({
    docId,
    doc,
    baseUrl: server.httpUrl,
    offlineStorage: false,
    WebSocketPolyfill: webSocketWith(headers),
    fetch: (...args) => {
      probes++
      return fetch(...args)
    },
    fetchInit: { headers },
  })
  connections.push(connection)
  connection.start()
  return connection
}

const status = (connection: CollabConnection) => connection.getSnapshot().status

describe('the collaboration client', { timeout: 30_000 }, () => {
  it('shows connected for an editor, read-only for a viewer, and who else is here', async () => {
    const mine = open(owner)
    const theirs = open(viewer)
    await waitUntil(() => status(mine) === 'connected' && status(theirs) === 'read-only')
    expect(mine.getSnapshot()).toMatchObject({ label: 'Connected', role: 'owner', me: { name: 'Olive Owner' } })
    expect(theirs.getSnapshot()).toMatchObject({ label: 'Read-only', readOnly: true, role: 'viewer' })
    await waitUntil(() => mine.getSnapshot().people.some((person) => person.name === 'Vi Viewer'))
    expect(mine.getSnapshot().people.map((person) => person.name)).toEqual(['Vi Viewer'])
  })

  it('says why it was refused and stops trying', async () => {
    const anonymous = open(null)
    await waitUntil(() => status(anonymous) === 'denied')
    expect(anonymous.getSnapshot()).toMatchObject({ label: 'Access denied', reason: 'Please sign in to open this document.' })
    const probesAfterDenial = probes
    await new Promise((resolve) => setTimeout(resolve, 1_500))
    expect(probes).toBe(probesAfterDenial)
    expect(status(anonymous)).toBe('denied')
  })

  it('goes offline while the server is away, keeps the edits, and delivers them when it is back', async () => {
    const doc = new Y.Doc()
    const mine = open(owner, `board:${project.projectId}`, doc)
    await waitUntil(() => status(mine) === 'connected')
    const port = server.port
    await server.close()
    await waitUntil(() => status(mine) === 'offline', { message: 'never showed offline' })
    doc.getArray<string>('log').push(['written offline'])

    server = await startInProcess({ config: { flushMs: 20 } }, port)
    await waitUntil(() => status(mine) === 'connected', { timeoutMs: 20_000, message: 'never reconnected' })
    await waitUntil(async () => logOf(await storedDoc(database, `board:${project.projectId}`)).includes('written offline'))
  })

  it('turns into "access denied" with the reason when access is removed while connected', async () => {
    const leaver = await createUser(database.db, 'Lee Leaver')
    await setRole(database.db, project.workspaceId, leaver.id, 'editor')
    const theirs = open(leaver)
    await waitUntil(() => status(theirs) === 'connected')
    await setRole(database.db, project.workspaceId, leaver.id, null)
    await waitUntil(() => status(theirs) === 'denied', { timeoutMs: 5_000 })
    expect(theirs.getSnapshot().reason).toBe('Your access to this project was removed.')
  })
})
