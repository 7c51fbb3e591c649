// Sync, storage and the upgrade's front door, with the stock y-websocket provider against an in-process server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { eq } from 'drizzle-orm'
import { collabUpdates, docPanels } from '@/db/schema'
import { logOf, openRawSocket, upgradeStatus, waitUntil, whenSynced } from './testing/clients'
import { createProject, createUser } from './testing/fixtures'
import { awarenessFrame, logUpdate } from './testing/frames'
import { createHarness, type Harness } from './testing/harness'

let h: Harness

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20, unloadGraceMs: 200 } })
}, 60_000)

afterAll(() => h?.close())

describe('sync through the server', { timeout: 20_000 }, () => {
  it('two clients converge and their edits are stored', async () => {
    const docName = `board:${h.project.projectId}`
    const a = h.client(h.owner, docName)
    const b = h.client(h.editor, docName)
    await Promise.all([whenSynced(a), whenSynced(b)])
    a.doc.getArray<string>('log').push(['from owner'])
    b.doc.getArray<string>('log').push(['from editor'])
    await waitUntil(() => logOf(a.doc).length === 2 && logOf(b.doc).length === 2)
    expect(logOf(a.doc)).toEqual(logOf(b.doc))
    await waitUntil(async () => (await h.storedLog(docName)).length === 2, { message: 'edits never reached the database' })
    expect((await h.storedLog(docName)).sort()).toEqual(['from editor', 'from owner'])
  })

  it('serves a document only with its stored state, and unloads it after the last client leaves', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = `board:${projectId}`
    await h.database.db.insert(collabUpdates).values([
      { docId: docName, update: logUpdate(['scene 1'], 1) },
      { docId: docName, update: logUpdate(['scene 2'], 2) },
    ])
    const roomsBefore = h.server.collab.stats().rooms
    const late = h.client(h.owner, docName)
    // The first sync the provider completes already carries everything stored.
    const firstSyncLog = await new Promise<string[]>((resolve) => late.provider.once('sync', () => resolve(logOf(late.doc))))
    expect(firstSyncLog.sort()).toEqual(['scene 1', 'scene 2'])
    expect(h.server.collab.stats().rooms).toBe(roomsBefore + 1)

    late.doc.getArray<string>('log').push(['scene 3'])
    late.provider.disconnect()
    await waitUntil(() => h.server.collab.stats().rooms === roomsBefore, { message: 'the document was never unloaded' })
    expect((await h.storedLog(docName)).sort()).toEqual(['scene 1', 'scene 2', 'scene 3'])
  })

  it("echoes a client's own presence back, so a client alone on a document keeps hearing from the server", async () => {
    // The stock provider reconnects after 30 s without any message; its 15 s presence renewal is what it hears.
    const raw = await openRawSocket(`${h.server.wsUrl}/board:${h.project.projectId}`, h.headers(h.viewer))
    const echoed = new Promise<void>((resolve) =>
      raw.on('message', (data: Buffer) => data[0] === 1 && data.toString().includes('"name":"Vi Viewer"') && resolve()),
    )
    raw.send(awarenessFrame([{ clientId: 31337, clock: 1, state: { cursor: null } }]))
    await echoed
    raw.close()
  })

  it('learns panel ownership from the board and authorises panel documents through it', async () => {
    const board = h.client(h.owner, `board:${h.project.projectId}`)
    await whenSynced(board)
    const panelId = `panel-${Date.now().toString(36)}`
    board.doc.getMap('panels').set(panelId, new Y.Map())
    await waitUntil(async () => (await h.database.db.select().from(docPanels).where(eq(docPanels.panelId, panelId))).length === 1, {
      message: 'doc_panels never learned the panel',
    })

    const panelUrl = `${h.server.wsUrl}/panel:${panelId}`
    expect(await upgradeStatus(panelUrl, h.headers(h.viewer))).toBe(101)
    expect(await upgradeStatus(panelUrl, h.headers(h.stranger))).toBe(404)
    expect(await upgradeStatus(`${h.server.wsUrl}/panel:no-such-panel`, h.headers(h.owner))).toBe(404)

    // Another project's board naming the same panel does not take it over: the first board owns it.
    const rival = await createUser(h.database.db, 'Rita Rival')
    const rivalProject = await createProject(h.database.db, rival)
    const rivalBoard = h.client(rival, `board:${rivalProject.projectId}`)
    await whenSynced(rivalBoard)
    rivalBoard.doc.getMap('panels').set(panelId, new Y.Map())
    await new Promise((resolve) => setTimeout(resolve, 200))
    expect(await upgradeStatus(panelUrl, { cookie: rival.cookie, origin: h.server.origin })).toBe(404)
    const [row] = await h.database.db.select().from(docPanels).where(eq(docPanels.panelId, panelId))
    expect(row?.projectId).toBe(h.project.projectId)
  })
})

describe('the upgrade', { timeout: 20_000 }, () => {
  it('refuses no session, a stranger, another origin and unknown names with an HTTP status, loading nothing', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const url = `${h.server.wsUrl}/board:${projectId}`
    const roomsBefore = h.server.collab.stats().rooms
    expect(await upgradeStatus(url, { origin: h.server.origin })).toBe(401)
    expect(await upgradeStatus(url, { cookie: 'next-auth.session-token=forged', origin: h.server.origin })).toBe(401)
    expect(await upgradeStatus(url, h.headers(h.stranger))).toBe(404) // another workspace's project reveals nothing
    expect(await upgradeStatus(url, { cookie: h.owner.cookie, origin: 'http://evil.example' })).toBe(403)
    expect(await upgradeStatus(url, { cookie: h.owner.cookie })).toBe(403) // no Origin at all
    expect(await upgradeStatus(`${h.server.wsUrl}/notes:${projectId}`, h.headers(h.owner))).toBe(400)
    expect(await upgradeStatus(`${h.server.wsUrl}/board:${projectId}/../x`, h.headers(h.owner))).toBe(400)
    expect(h.server.collab.stats().rooms).toBe(roomsBefore)
    expect(await upgradeStatus(url, h.headers(h.owner))).toBe(101)
  })

  it('answers the access probe with the role, or with why not', async () => {
    const probe = async (cookie?: string) => {
      const response = await fetch(`${h.server.httpUrl}/collab/board:${h.project.projectId}`, { headers: cookie ? { cookie } : {} })
      return { status: response.status, body: (await response.json()) as Record<string, unknown> }
    }
    expect(await probe(h.editor.cookie)).toMatchObject({ status: 200, body: { ok: true, access: 'read-write', role: 'editor' } })
    expect(await probe(h.commenter.cookie)).toMatchObject({ status: 200, body: { ok: true, access: 'read-only', role: 'commenter' } })
    expect(await probe()).toMatchObject({ status: 401, body: { ok: false, message: 'Please sign in to open this document.' } })
    expect(await probe(h.stranger.cookie)).toMatchObject({ status: 404, body: { ok: false } })
  })
})
