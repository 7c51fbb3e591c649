// Who may write, who is who, and what happens when access changes while connected.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { isPermanentClose } from '@/lib/collab/close-codes'
import { peopleFromAwareness } from '@/lib/collab/presence'
import { closeEvent, connectClient, logOf, openRawSocket, upgradeStatus, waitUntil, whenSynced, type TestClient } from './testing/clients'
import { createProject, createUser, setRole } from './testing/fixtures'
import { awarenessFrame, logUpdate, updateFrame } from './testing/frames'
import { createHarness, type Harness } from './testing/harness'
import type { GuestResolver } from './auth'

let h: Harness

/** Share links as the review feature will keep them: a token in a cookie, a project, a role, revocable. */
const shareLinks = new Map<string, { guestId: string; name: string; projectId: string; revoked: boolean }>()
const guestResolver: GuestResolver = {
  async resolve(request) {
    const token = /storyreel-guest=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1]
    const link = token ? shareLinks.get(token) : undefined
    if (!token || !link || link.revoked) return null
    return { kind: 'guest', guestId: link.guestId, name: link.name, expiresAt: null, session: { token } }
  },
  async roleOn(guest, { projectId }) {
    const link = shareLinks.get(String(guest.session.token))
    return link && !link.revoked && link.projectId === projectId ? 'commenter' : null
  },
}

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20 }, guestResolver })
}, 60_000)

afterAll(() => h?.close())

const names = (client: TestClient) => peopleFromAwareness(client.provider.awareness.getStates(), client.doc.clientID).map((p) => p.name)

/** Resolves once `watcher` sees `sender`'s awareness field set to `value`: the server has processed everything
 * `sender` sent before it (one socket's messages are handled in order). */
async function sentinel(sender: TestClient, watcher: TestClient, value: string): Promise<void> {
  sender.provider.awareness.setLocalStateField('sentinel', value)
  await waitUntil(() => watcher.provider.awareness.getStates().get(sender.doc.clientID)?.sentinel === value, { message: `sentinel ${value}` })
}

describe('read-only roles', { timeout: 20_000 }, () => {
  it("drops a viewer's and a commenter's updates: never broadcast, never stored; their presence still shows", async () => {
    const docName = `board:${h.project.projectId}`
    const owner = h.client(h.owner, docName)
    const viewer = h.client(h.viewer, docName)
    const commenter = h.client(h.commenter, docName)
    await Promise.all([whenSynced(owner), whenSynced(viewer), whenSynced(commenter)])

    viewer.doc.getArray<string>('log').push(['viewer scribble'])
    commenter.doc.getArray<string>('log').push(['commenter scribble'])
    await sentinel(viewer, owner, 'viewer-done')
    await sentinel(commenter, owner, 'commenter-done')
    owner.doc.getArray<string>('log').push(['owner line'])
    await waitUntil(() => logOf(viewer.doc).includes('owner line'))
    await new Promise((resolve) => setTimeout(resolve, 200)) // several flush periods

    expect(logOf(owner.doc)).toEqual(['owner line'])
    expect(await h.storedLog(docName)).toEqual(['owner line'])
    expect(names(owner)).toEqual(['Cam Commenter', 'Vi Viewer'])
  })

  it('keeps a raw socket of a viewer from writing with hand-made update frames too', async () => {
    const docName = `board:${h.project.projectId}`
    const owner = h.client(h.owner, docName)
    await whenSynced(owner)
    const raw = await openRawSocket(`${h.server.wsUrl}/${docName}`, h.headers(h.viewer))
    raw.send(updateFrame(logUpdate(['forged by viewer'], 4242), 2))
    raw.send(updateFrame(logUpdate(['forged by viewer, step 2'], 4243), 1))
    raw.send(awarenessFrame([{ clientId: 4244, clock: 1, state: { done: true } }]))
    await waitUntil(() => owner.provider.awareness.getStates().get(4244)?.done === true)
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(logOf(owner.doc)).not.toContain('forged by viewer')
    expect((await h.storedLog(docName)).filter((line) => line.startsWith('forged'))).toEqual([])
    raw.close()
  })
})

describe('awareness identity', { timeout: 20_000 }, () => {
  it('stamps name, colour and id from the session, whatever the client claims', async () => {
    const docName = `board:${h.project.projectId}`
    const owner = h.client(h.owner, docName)
    const impostor = h.client(h.editor, docName)
    await Promise.all([whenSynced(owner), whenSynced(impostor)])
    impostor.provider.awareness.setLocalStateField('user', { id: `user:${h.owner.id}`, name: 'Olive Owner', color: '#000000', guest: false })
    await waitUntil(() => owner.provider.awareness.getStates().has(impostor.doc.clientID))
    const seen = owner.provider.awareness.getStates().get(impostor.doc.clientID)?.user
    expect(seen).toMatchObject({ id: `user:${h.editor.id}`, name: 'Ed Editor', guest: false })
    expect(seen.color).toMatch(/^#[0-9a-f]{6}$/)
    expect(seen.color).not.toBe('#000000')
  })

  it("does not let one socket move or hide another client's presence", async () => {
    const docName = `board:${h.project.projectId}`
    const owner = h.client(h.owner, docName)
    const watcher = h.client(h.viewer, docName)
    await Promise.all([whenSynced(owner), whenSynced(watcher)])
    owner.provider.awareness.setLocalStateField('cursor', { x: 1 })
    await waitUntil(() => watcher.provider.awareness.getStates().get(owner.doc.clientID)?.cursor?.x === 1)

    const raw = await openRawSocket(`${h.server.wsUrl}/${docName}`, h.headers(h.editor))
    const ownerClock = 1_000_000
    raw.send(awarenessFrame([{ clientId: owner.doc.clientID, clock: ownerClock, state: { cursor: { x: 666 } } }]))
    raw.send(awarenessFrame([{ clientId: owner.doc.clientID, clock: ownerClock + 1, state: null }]))
    raw.send(awarenessFrame([{ clientId: 777, clock: 1, state: { done: true } }]))
    await waitUntil(() => watcher.provider.awareness.getStates().get(777)?.done === true)
    expect(watcher.provider.awareness.getStates().get(owner.doc.clientID)?.cursor).toEqual({ x: 1 })
    raw.close()
  })
})

describe('access changes on open sockets', { timeout: 20_000 }, () => {
  it('downgrades an editor to read-only within 5 s, and the provider reconnects read-only', async () => {
    const docName = `board:${h.project.projectId}`
    const demoted = await createUser(h.database.db, 'Dee Demoted')
    await setRole(h.database.db, h.project.workspaceId, demoted.id, 'editor')
    const owner = h.client(h.owner, docName)
    const client = h.client(demoted, docName)
    await Promise.all([whenSynced(owner), whenSynced(client)])
    client.doc.getArray<string>('log').push(['while editor'])
    await waitUntil(() => logOf(owner.doc).includes('while editor'))

    const changedAt = Date.now()
    await setRole(h.database.db, h.project.workspaceId, demoted.id, 'viewer')
    await waitUntil(() => client.closes.some((close) => close.code === 4001), { timeoutMs: 5_000, message: 'no access-changed close within 5 s' })
    expect(Date.now() - changedAt).toBeLessThan(5_000)
    expect(client.closes.at(-1)?.reason).toMatch(/role changed to viewer/)

    await whenSynced(client) // reconnected by the stock provider (4001 is not permanent)
    client.doc.getArray<string>('log').push(['while viewer'])
    await sentinel(client, owner, 'after-demotion')
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(logOf(owner.doc)).not.toContain('while viewer')
    expect(await h.storedLog(docName)).not.toContain('while viewer')
  })

  it('closes a removed member within 5 s with a permanent code, and the stock provider stops reconnecting', async () => {
    const docName = `board:${h.project.projectId}`
    const leaver = await createUser(h.database.db, 'Lee Leaver')
    await setRole(h.database.db, h.project.workspaceId, leaver.id, 'editor')
    const client = h.client(leaver, docName)
    await whenSynced(client)
    const closedForGood = new Promise<{ code: number; reason: string }>((resolve) => client.provider.once('closed', (event) => resolve(event)))

    const removedAt = Date.now()
    await setRole(h.database.db, h.project.workspaceId, leaver.id, null)
    const event = await closedForGood
    expect(Date.now() - removedAt).toBeLessThan(5_000)
    expect(event).toEqual({ code: 4403, reason: 'Your access to this project was removed.' })
    expect(isPermanentClose(event.code)).toBe(true)
    await new Promise((resolve) => setTimeout(resolve, 1_000))
    expect(client.provider.wsconnected || client.provider.wsconnecting).toBe(false)
    expect(client.closes).toHaveLength(1)
  })

  it('closes every socket of a principal on demand (revocation)', async () => {
    const docName = `board:${h.project.projectId}`
    const raw = await openRawSocket(`${h.server.wsUrl}/${docName}`, h.headers(h.commenter))
    const closed = closeEvent(raw)
    const count = h.server.collab.closeConnections(
      (connection) => connection.principal.kind === 'user' && connection.principal.actor.userId === h.commenter.id,
      'Your link was revoked.',
    )
    expect(count).toBeGreaterThanOrEqual(1)
    expect(await closed).toEqual({ code: 4403, reason: 'Your link was revoked.' })
  })
})

describe('guests through the share-link hook', { timeout: 20_000 }, () => {
  it('lets a guest in read-only under a stamped "(guest)" name, and closes them within 5 s of revocation', async () => {
    const docName = `board:${h.project.projectId}`
    shareLinks.set('link-token-1', { guestId: 'guest-1', name: 'Gwen', projectId: h.project.projectId, revoked: false })
    const owner = h.client(h.owner, docName)
    const guest = connectClient({ wsUrl: h.server.wsUrl, docName, headers: { cookie: 'storyreel-guest=link-token-1', origin: h.server.origin } })
    try {
      await Promise.all([whenSynced(owner), whenSynced(guest)])
      guest.doc.getArray<string>('log').push(['guest scribble'])
      await sentinel(guest, owner, 'guest-done')
      expect(logOf(owner.doc)).not.toContain('guest scribble')
      expect(owner.provider.awareness.getStates().get(guest.doc.clientID)?.user).toMatchObject({ id: 'guest:guest-1', name: 'Gwen (guest)', guest: true })

      // Another project is not covered by the link.
      const elsewhere = await createProject(h.database.db, h.owner)
      expect(await upgradeStatus(`${h.server.wsUrl}/board:${elsewhere.projectId}`, { cookie: 'storyreel-guest=link-token-1', origin: h.server.origin })).toBe(404)

      const closedForGood = new Promise<{ code: number; reason: string }>((resolve) => guest.provider.once('closed', resolve))
      const revokedAt = Date.now()
      shareLinks.get('link-token-1')!.revoked = true
      expect((await closedForGood).code).toBe(4403)
      expect(Date.now() - revokedAt).toBeLessThan(5_000)
    } finally {
      guest.destroy()
    }
  })
})
