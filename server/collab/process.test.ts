// The collaboration server as a real process: fuzzed, SIGKILLed mid-stream, restarted, SIGTERMed with pending
// updates, and restarted again for a late reader. One scenario in order, because each server start costs seconds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { connectClient, logOf, waitUntil, whenSynced, type TestClient } from './testing/clients'
import { createProject, createUser, setRole, type TestProject, type TestUser } from './testing/fixtures'
import { certainlyMalformed, fuzzFrames, runLane } from './testing/fuzz'
import { storedDoc } from './testing/harness'
import { createServerDatabase, spawnStandalone, stopSpawned, type ServerDatabase, type SpawnedServer } from './testing/servers'

const writerCount = 10
const fuzzLanes = 8
const fuzzFrameCount = 10_000
const fuzzSeed = 20261125

let database: ServerDatabase
let server: SpawnedServer | undefined
let owner: TestUser
let writers: TestUser[]
let board: TestProject
let watched: TestProject
let fuzzProjects: TestProject[]
const clients: TestClient[] = []

beforeAll(async () => {
  database = await createServerDatabase()
  await database.use(async ({ db }) => {
    owner = await createUser(db, 'Olive Owner')
    board = await createProject(db, owner)
    watched = await createProject(db, owner)
    fuzzProjects = await Promise.all(Array.from({ length: fuzzLanes }, () => createProject(db, owner)))
    writers = await Promise.all(Array.from({ length: writerCount }, (_, i) => createUser(db, `Writer ${i}`)))
    for (const writer of writers) await setRole(db, board.workspaceId, writer.id, 'editor')
  })
  // A long flush period on this first server guarantees edits that were received but not yet saved when it dies.
  server = await spawnStandalone({ ...database.env, COLLAB_FLUSH_MS: '1000', COLLAB_MAX_MESSAGES_PER_SEC: '100000' })
}, 90_000)

afterAll(async () => {
  for (const client of clients) client.destroy()
  await stopSpawned(server)
  await database?.dispose()
}, 30_000)

function connect(user: TestUser, docName: string, doc?: Y.Doc): TestClient {
  if (!server) throw new Error('no server running')
  const client = connectClient({ wsUrl: server.wsUrl, docName, headers: { cookie: user.cookie, origin: server.origin }, doc })
  clients.push(client)
  return client
}

describe('collaboration server process', { timeout: 90_000 }, () => {
  // The wire protocol does not touch the database, so the fuzzer runs once, in the PGlite project.
  it.skipIf(process.env.STORYREEL_TEST_DB === 'postgres')(`survives ${fuzzFrameCount} random and mutated frames: every bad socket is closed, other rooms keep syncing`, async () => {
    const running = server!
    const watchedDoc = `board:${watched.projectId}`
    const [alice, bob] = [connect(owner, watchedDoc), connect(owner, watchedDoc)]
    await Promise.all([whenSynced(alice), whenSynced(bob)])
    let ticks = 0
    const heartbeat = setInterval(() => alice.doc.getArray<string>('log').push([`tick ${ticks++}`]), 50)

    const frames = fuzzFrames(fuzzFrameCount, fuzzSeed)
    const perLane = Math.ceil(frames.length / fuzzLanes)
    const outcomes = (
      await Promise.all(
        fuzzProjects.map((project, lane) =>
          runLane(`${running.wsUrl}/board:${project.projectId}`, { cookie: owner.cookie, origin: running.origin }, 900_000 + lane, frames.slice(lane * perLane, (lane + 1) * perLane)),
        ),
      )
    ).flat()
    clearInterval(heartbeat)

    expect(outcomes).toHaveLength(fuzzFrameCount)
    const malformed = outcomes.filter((outcome) => certainlyMalformed(outcome.frame))
    expect(malformed.length).toBeGreaterThan(fuzzFrameCount / 2)
    expect(malformed.filter((outcome) => outcome.closeCode !== 4400)).toEqual([])
    // Frames the judge cannot fault may still be refused (Yjs is stricter than a decode), but only as malformed.
    expect(new Set(outcomes.map((outcome) => outcome.closeCode))).toEqual(new Set([null, 4400]))
    expect(running.child.exitCode).toBeNull()
    // The bystanders' room kept syncing throughout.
    await waitUntil(() => logOf(bob.doc).length === ticks)
    expect(logOf(bob.doc)).toEqual(logOf(alice.doc))
    alice.destroy()
    bob.destroy()
  })

  const everyEdit = new Set<string>()
  const relayedBeforeKill = new Set<string>()
  let storedAtKill: string[] = []

  it('SIGKILL mid-stream with 10 writers: after a restart every edit is back, including received-but-unsaved ones', async () => {
    const docName = `board:${board.projectId}`
    const team = writers.map((writer) => connect(writer, docName))
    await Promise.all(team.map((client) => whenSynced(client)))
    let killed = false
    // Which edits reached another client through the (first) server before it died.
    team.forEach((client, i) =>
      client.doc.getArray<string>('log').observe((event) => {
        if (killed) return
        for (const item of event.changes.added) {
          for (const line of item.content.getContent() as string[]) if (!line.startsWith(`w${i}:`)) relayedBeforeKill.add(line)
        }
      }),
    )
    let sequence = 0
    const typing = setInterval(() => {
      team.forEach((client, i) => {
        const line = `w${i}:${sequence}`
        everyEdit.add(line)
        client.doc.getArray<string>('log').push([line])
      })
      sequence++
    }, 25)

    await waitUntil(() => relayedBeforeKill.size >= 300, { timeoutMs: 20_000, message: 'writers never got going' })
    killed = true
    const first = server!
    first.child.kill('SIGKILL')
    await first.exited
    storedAtKill = await database.use(async (handle) => logOf(await storedDoc(handle, docName)))

    // The clients keep typing while the server is down, then the provider reconnects by itself.
    server = await spawnStandalone({ ...database.env, COLLAB_FLUSH_MS: '60000' }, first.port)
    await waitUntil(() => team.every((client) => client.provider.synced), { timeoutMs: 20_000, message: 'clients did not reconnect' })
    clearInterval(typing)
    await waitUntil(() => team.every((client) => logOf(client.doc).length === everyEdit.size), { timeoutMs: 20_000, message: 'clients did not converge' })

    const receivedButUnsaved = [...relayedBeforeKill].filter((line) => !storedAtKill.includes(line))
    expect(receivedButUnsaved.length).toBeGreaterThan(0) // the kill really did lose server-side state…
    for (const client of team) expect(new Set(logOf(client.doc))).toEqual(everyEdit) // …and nothing is missing
    expect(logOf(team[0]!.doc)).toEqual(logOf(team[9]!.doc))
  })

  it('SIGTERM with pending updates saves every one of them before exiting', async () => {
    const docName = `board:${board.projectId}`
    const team = clients.filter((client) => client.provider.roomname === docName && client.provider.synced)
    // The restarted server flushes only every 60 s, so everything it received is still pending now.
    team[0]!.doc.getArray<string>('log').push(['last words'])
    everyEdit.add('last words')
    await waitUntil(() => team.every((client) => logOf(client.doc).includes('last words')))
    const second = server!
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
    server = undefined
    for (const client of team) client.destroy()

    const stored = await database.use(async (handle) => logOf(await storedDoc(handle, docName)))
    expect(new Set(stored)).toEqual(everyEdit)
    // Including the edits the first server had received but not saved when it was killed: the providers re-sent
    // them through sync step 1/2 on reconnecting.
    const recovered = [...relayedBeforeKill].filter((line) => !storedAtKill.includes(line))
    expect(recovered.every((line) => stored.includes(line))).toBe(true)
  })

  it('a client that connects after another restart receives the full state from Postgres', async () => {
    server = await spawnStandalone(database.env)
    const late = connect(owner, `board:${board.projectId}`)
    await whenSynced(late)
    expect(new Set(logOf(late.doc))).toEqual(everyEdit)
  })
})
