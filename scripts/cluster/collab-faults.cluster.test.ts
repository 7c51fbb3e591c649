// Issue 7's collaboration faults on one loopback cluster (two app instances behind the proxy, their own Redis, a
// throw-away PostgreSQL database behind a cuttable forwarder): an instance SIGKILLed and restarted, Redis restarted,
// PostgreSQL unreachable for a while. Each test edits its own project's board with stock y-websocket clients spread
// over both instances, and checks every client and the stored document (decoded from the database) hold every edit.
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '@/db/client'
import { boardDocId } from '@/lib/board'
import { waitUntil } from '@/server/collab/testing/clients'
import { startCluster, type Cluster } from './topology'
import { boardHeadings, connectBoardEditors, destroyEditors, waitForConvergence, type BoardEditor } from './testing/board-clients'
import { openClusterDatabase, readStoredDocument, seedOwner, sleep } from './testing/cluster-fixtures'

let cluster: Cluster
let database: DatabaseHandle
let editors: BoardEditor[] = []

beforeAll(async () => {
  cluster = await startCluster({ workers: 0 })
  database = await openClusterDatabase(cluster.databaseUrl)
})

afterEach(() => {
  destroyEditors(editors)
  editors = []
})

afterAll(async () => {
  cluster?.database.restore()
  await database?.close()
  await cluster?.stop()
})

/** `count` editors of a new project's board, even ones on instance 0 and odd ones on instance 1. */
async function editorsOnBothInstances(count: number): Promise<{ projectId: string; editors: BoardEditor[] }> {
  const { user, project } = await seedOwner(database, cluster.secret)
  editors = await connectBoardEditors({
    count,
    projectId: project.projectId,
    cookie: user.cookie,
    origin: cluster.proxyUrl,
    baseUrlFor: (index) => cluster.instances[index % 2]!.url,
  })
  return { projectId: project.projectId, editors }
}

async function editRound(): Promise<void> {
  for (const editor of editors) editor.edit()
  await sleep(100)
}

async function expectStored(projectId: string, expected: Set<string>): Promise<void> {
  const docId = boardDocId(projectId)
  const stored = async () => boardHeadings(await readStoredDocument(database, docId))
  await waitUntil(async () => (await stored()).size >= expected.size, { timeoutMs: 30_000, intervalMs: 250, message: 'the stored document is missing edits' })
  expect(await stored()).toEqual(expected)
}

async function readyStatus(url: string): Promise<number> {
  try {
    const response = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5_000) })
    await response.body?.cancel()
    return response.status
  } catch {
    return 0
  }
}

it('20 clients over two instances converge and every edit is stored after one instance is SIGKILLed and restarted', async () => {
  const { projectId } = await editorsOnBothInstances(20)
  for (let i = 0; i < 3; i++) await editRound()

  await cluster.kill9Instance(0)
  // Edits go on while it is dead: instance 1's clients keep collaborating, instance 0's edit offline.
  for (let i = 0; i < 3; i++) await editRound()
  await cluster.restartInstance(0)
  for (let i = 0; i < 2; i++) await editRound()

  const expected = await waitForConvergence(editors, 60_000)
  expect(expected.size).toBe(20 * 8)
  for (const editor of editors) expect(boardHeadings(editor.client.doc)).toEqual(expected)
  await expectStored(projectId, expected)
})

it('Redis restarted mid-session: the instances reconnect, clients converge and nothing is lost', async () => {
  const { projectId } = await editorsOnBothInstances(10)
  for (let i = 0; i < 2; i++) await editRound()
  await waitForConvergence(editors, 30_000)

  // Edits made while Redis is down cannot cross between instances; the hello after reconnection repairs that.
  const restarted = cluster.redis.restart(2_000)
  for (let i = 0; i < 3; i++) await editRound()
  await restarted
  for (let i = 0; i < 2; i++) await editRound()

  const expected = await waitForConvergence(editors, 60_000)
  expect(expected.size).toBe(10 * 7)
  await expectStored(projectId, expected)
})

it('PostgreSQL unreachable: edits are held and stored once it returns, and /readyz says 503 meanwhile', async () => {
  const { projectId } = await editorsOnBothInstances(10)
  await editRound()
  const before = await waitForConvergence(editors, 30_000)
  await expectStored(projectId, before)
  for (const instance of cluster.instances) expect(await readyStatus(instance.url)).toBe(200)

  cluster.database.cut()
  try {
    for (const instance of cluster.instances) {
      await waitUntil(async () => (await readyStatus(instance.url)) === 503, { timeoutMs: 20_000, intervalMs: 250, message: `app-${instance.index} /readyz never said 503` })
    }
    // Collaboration goes on without the database: through Redis, every client still sees every edit.
    for (let i = 0; i < 3; i++) await editRound()
    await waitForConvergence(editors, 30_000)
  } finally {
    cluster.database.restore()
  }

  for (const instance of cluster.instances) {
    await waitUntil(async () => (await readyStatus(instance.url)) === 200, { timeoutMs: 30_000, intervalMs: 250, message: `app-${instance.index} /readyz never recovered` })
  }
  await editRound()
  const expected = await waitForConvergence(editors, 30_000)
  expect(expected.size).toBe(10 * 5)
  await expectStored(projectId, expected)
})
