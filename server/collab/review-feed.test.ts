// The review change feed (`review:<reviewItemId>`): members and the item's own guests follow it, nobody but the server
// writes it, and a server-side nudge reaches every viewer at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { reviewItems } from '@/db/schema'
import { reviewChangesKey } from '@/lib/collab/doc-name'
import { notifyReviewChanged } from '@/server/services/review/notify-review-changed'
import type { GuestResolver } from './auth'
import { connectClient, upgradeStatus, waitUntil, whenSynced, type TestClient } from './testing/clients'
import { createHarness, storedDoc, type Harness } from './testing/harness'

let h: Harness
let reviewItemId: string
let otherItemId: string

/** A guest cookie names the one review item its share link opens. */
const guestResolver: GuestResolver = {
  async resolve(request) {
    const item = /storyreel-test-guest=([\w-]+)/.exec(request.headers.cookie ?? '')?.[1]
    return item ? { kind: 'guest', guestId: `guest-of-${item}`, name: 'Gus', expiresAt: null, session: { reviewItemId: item } } : null
  },
  async roleOn(guest, { doc }) {
    return doc.kind === 'review' && doc.reviewItemId === guest.session.reviewItemId ? 'commenter' : null
  },
}

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20 }, guestResolver })
  const rows = await h.database.db
    .insert(reviewItems)
    .values([
      { workspaceId: h.project.workspaceId, projectId: h.project.projectId, title: 'Cut A', kind: 'cut' },
      { workspaceId: h.project.workspaceId, projectId: h.project.projectId, title: 'Cut B', kind: 'cut' },
    ])
    .returning({ id: reviewItems.id })
  reviewItemId = rows[0]!.id
  otherItemId = rows[1]!.id
}, 60_000)

afterAll(() => h?.close())

const counter = (client: TestClient, key: string) => client.doc.getMap<number>(reviewChangesKey).get(key) ?? 0

describe('review change feed', { timeout: 20_000 }, () => {
  it('is open to every member role and refused to strangers and unknown items', async () => {
    for (const user of [h.owner, h.editor, h.commenter, h.viewer]) {
      expect(await upgradeStatus(`${h.server.wsUrl}/review:${reviewItemId}`, h.headers(user))).toBe(101)
    }
    expect(await upgradeStatus(`${h.server.wsUrl}/review:${reviewItemId}`, h.headers(h.stranger))).toBe(404)
    expect(await upgradeStatus(`${h.server.wsUrl}/review:no-such-item`, h.headers(h.owner))).toBe(404)
  })

  it("drops even an owner's own edits: only the server writes the feed", async () => {
    const docName = `review:${reviewItemId}`
    const owner = h.client(h.owner, docName)
    const viewer = h.client(h.viewer, docName)
    await Promise.all([whenSynced(owner), whenSynced(viewer)])
    owner.doc.getMap<number>(reviewChangesKey).set('forged', 99)
    await notifyReviewChanged({ reviewItemId, versionId: 'v-1' }, { documents: h.server.collab.documents })
    await waitUntil(() => counter(viewer, 'v-1') === 1, { message: 'viewer sees the nudge' })
    await new Promise((resolve) => setTimeout(resolve, 200)) // several flush periods, had the forged edit been taken
    expect(counter(viewer, 'forged')).toBe(0)
    const stored = await storedDoc(h.database, docName)
    expect(stored.getMap<number>(reviewChangesKey).toJSON()).toEqual({ 'v-1': 1 })
  })

  it('reaches every open viewer well within a second and counts each change', async () => {
    const docName = `review:${reviewItemId}`
    const viewers = [h.owner, h.editor, h.commenter, h.viewer].map((user) => h.client(user, docName))
    await Promise.all(viewers.map((viewer) => whenSynced(viewer)))
    const before = counter(viewers[0]!, 'item')
    const started = performance.now()
    await notifyReviewChanged({ reviewItemId }, { documents: h.server.collab.documents })
    await notifyReviewChanged({ reviewItemId }, { documents: h.server.collab.documents })
    await Promise.all(viewers.map((viewer) => waitUntil(() => counter(viewer, 'item') === before + 2, { message: 'all viewers see both nudges' })))
    expect(performance.now() - started).toBeLessThan(1_000)
  })

  it("lets a guest follow only their own item's feed, never another item's or the board", async () => {
    const cookie = { cookie: `storyreel-test-guest=${reviewItemId}`, origin: h.server.origin }
    expect(await upgradeStatus(`${h.server.wsUrl}/review:${reviewItemId}`, cookie)).toBe(101)
    expect(await upgradeStatus(`${h.server.wsUrl}/review:${otherItemId}`, cookie)).toBe(404)
    expect(await upgradeStatus(`${h.server.wsUrl}/board:${h.project.projectId}`, cookie)).toBe(404)
    const guest = connectClient({ wsUrl: h.server.wsUrl, docName: `review:${reviewItemId}`, headers: cookie })
    try {
      await whenSynced(guest)
      const before = counter(guest, 'v-2')
      await notifyReviewChanged({ reviewItemId, versionId: 'v-2' }, { documents: h.server.collab.documents })
      await waitUntil(() => counter(guest, 'v-2') === before + 1, { message: 'guest sees the nudge' })
    } finally {
      guest.destroy()
    }
  })

  it('never throws at the caller when the feed cannot be written', async () => {
    await expect(notifyReviewChanged({ reviewItemId: 'not a valid id!' }, { documents: h.server.collab.documents })).resolves.toBeUndefined()
  })
})
