// Two app instances on different ports, one Redis: clients on either converge, presence crosses over, and an
// instance that opens a document late gets what the other holds but has not saved yet.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memberships, projects, users, workspaces } from '@/db/schema'
import type { DatabaseHandle } from '@/db'
import { peopleFromAwareness } from '@/lib/collab/presence'
import { connectClient, logOf, waitUntil, whenSynced, type TestClient } from './testing/clients'
import { createProject, createUser, setRole, type TestProject, type TestUser } from './testing/fixtures'
import { findRedis } from './testing/redis'
import { createServerDatabase, spawnStandalone, stopSpawned, type ServerDatabase, type SpawnedServer } from './testing/servers'

const redis = await findRedis()
const sharedPostgres = process.env.STORYREEL_TEST_DB === 'postgres'

let databases: ServerDatabase[] = []
let instanceA: SpawnedServer | undefined
let instanceB: SpawnedServer | undefined
let owner: TestUser
let editor: TestUser
let projectOne: TestProject
let projectTwo: TestProject
const clients: TestClient[] = []

/** PGlite is one process per folder, so without Postgres each instance gets its own copy of the access rows. */
async function copyAccessRows(from: DatabaseHandle, to: DatabaseHandle): Promise<void> {
  await to.db.insert(users).values(await from.db.select().from(users))
  await to.db.insert(workspaces).values(await from.db.select().from(workspaces))
  await to.db.insert(memberships).values(await from.db.select().from(memberships))
  await to.db.insert(projects).values(await from.db.select().from(projects))
}

beforeAll(async () => {
  if (!redis.url) return
  const first = await createServerDatabase()
  databases = sharedPostgres ? [first] : [first, await createServerDatabase()]
  await first.use(async (handle) => {
    owner = await createUser(handle.db, 'Olive Owner')
    editor = await createUser(handle.db, 'Ed Editor')
    projectOne = await createProject(handle.db, owner)
    projectTwo = await createProject(handle.db, owner)
    await setRole(handle.db, projectOne.workspaceId, editor.id, 'editor')
    await setRole(handle.db, projectTwo.workspaceId, editor.id, 'editor')
    if (databases[1]) await databases[1].use((copy) => copyAccessRows(handle, copy))
  })
  const fanout = { REDIS_URL: redis.url }
  // Instance A saves only every minute: whatever it holds is "received but not yet in the database".
  ;[instanceA, instanceB] = await Promise.all([
    spawnStandalone({ ...databases[0]!.env, ...fanout, COLLAB_FLUSH_MS: '60000' }),
    spawnStandalone({ ...(databases[1] ?? databases[0]!).env, ...fanout }),
  ])
}, 90_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await Promise.all([stopSpawned(instanceA), stopSpawned(instanceB)])
  for (const database of databases) await database.dispose()
}, 30_000)

function connect(server: SpawnedServer, user: TestUser, docName: string): TestClient {
  const client = connectClient({ wsUrl: server.wsUrl, docName, headers: { cookie: user.cookie, origin: server.origin } })
  clients.push(client)
  return client
}

describe.skipIf(!redis.url)(`fan-out through Redis${redis.skipReason ? ` (skipped: ${redis.skipReason})` : ''}`, { timeout: 30_000 }, () => {
  it('clients on two instances converge, and see each other present under their real names', async () => {
    const docName = `board:${projectOne.projectId}`
    const onA = connect(instanceA!, owner, docName)
    const onB = connect(instanceB!, editor, docName)
    await Promise.all([whenSynced(onA), whenSynced(onB)])
    onA.doc.getArray<string>('log').push(['cut to black (A)'])
    onB.doc.getArray<string>('log').push(['fade in (B)'])
    await waitUntil(() => logOf(onA.doc).length === 2 && logOf(onB.doc).length === 2, { message: 'instances did not converge' })
      // On failure, say what each side holds and what both instances logged: a Redis hiccup is otherwise invisible.
      .catch((error: Error) => {
        throw new Error(`${error.message}: A ${JSON.stringify(logOf(onA.doc))}, B ${JSON.stringify(logOf(onB.doc))}\n${instanceA!.output()}\n${instanceB!.output()}`)
      })
    expect(logOf(onA.doc)).toEqual(logOf(onB.doc))

    onB.provider.awareness.setLocalStateField('cursor', { shot: 4 })
    await waitUntil(() => peopleFromAwareness(onA.provider.awareness.getStates(), onA.doc.clientID).some((p) => p.name === 'Ed Editor'))
    expect(onA.provider.awareness.getStates().get(onB.doc.clientID)?.cursor).toEqual({ shot: 4 })
  })

  it('an instance opening a document late receives what the other holds but has not saved', async () => {
    const docName = `board:${projectTwo.projectId}`
    const early = connect(instanceA!, owner, docName)
    await whenSynced(early)
    early.doc.getArray<string>('log').push(['only in A’s memory'])
    await new Promise((resolve) => setTimeout(resolve, 100))
    const late = connect(instanceB!, editor, docName)
    await whenSynced(late)
    await waitUntil(() => logOf(late.doc).includes('only in A’s memory'), { message: 'B never got A’s unsaved edit' })
  })
})
