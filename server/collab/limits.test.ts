// Limits, bad input and bad storage: each closes the one socket concerned with a reason, and nothing is lost.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { collabSnapshots, collabUpdates } from '@/db/schema'
import { closeEvent, logOf, openRawSocket, upgradeStatus, waitUntil, whenSynced } from './testing/clients'
import { createProject } from './testing/fixtures'
import { logUpdate, queryAwarenessFrame, updateFrame } from './testing/frames'
import { createHarness, storedDoc, type Harness } from './testing/harness'

let h: Harness

beforeAll(async () => {
  h = await createHarness({
    config: { flushMs: 20, maxMessageBytes: 64 * 1024, maxDocBytes: 160 * 1024, maxMessagesPerSec: 50, compactAfter: 10 },
  })
}, 60_000)

afterAll(() => h?.close())

describe('limits', { timeout: 20_000 }, () => {
  it('closes a socket that sends a message over the size limit, with the reason', async () => {
    const raw = await openRawSocket(`${h.server.wsUrl}/board:${h.project.projectId}`, h.headers(h.editor))
    const closed = closeEvent(raw)
    raw.send(updateFrame(logUpdate(['x'.repeat(70 * 1024)])))
    const event = await closed
    expect(event.code).toBe(4413)
    expect(event.reason).toMatch(/^Message too large \(70\.\d KiB; the limit is 64\.0 KiB\)\.$/)
  })

  it('refuses an update that would grow a document past its size limit, keeping what was stored', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = `board:${projectId}`
    const writer = h.client(h.owner, docName)
    await whenSynced(writer)
    const chunk = 'y'.repeat(50 * 1024)
    writer.doc.getArray<string>('log').push(['chunk 1:' + chunk])
    writer.doc.getArray<string>('log').push(['chunk 2:' + chunk])
    await waitUntil(async () => (await h.storedLog(docName)).length === 2)
    writer.doc.getArray<string>('log').push(['chunk 3:' + chunk])
    writer.doc.getArray<string>('log').push(['chunk 4:' + chunk])
    const closedForGood = await new Promise<{ code: number; reason: string }>((resolve) => writer.provider.once('closed', resolve))
    expect(closedForGood.code).toBe(4413)
    expect(closedForGood.reason).toMatch(/reached its size limit \(160\.0 KiB\); the last change was not saved/)
    const stored = (await h.storedLog(docName)).map((line) => line.slice(0, 7))
    expect(stored.slice(0, 2)).toEqual(['chunk 1', 'chunk 2'])
    expect(stored).not.toContain('chunk 4')
  })

  it('closes a socket that floods messages, with a code the provider treats as "try again"', async () => {
    const raw = await openRawSocket(`${h.server.wsUrl}/board:${h.project.projectId}`, h.headers(h.viewer))
    const closed = closeEvent(raw)
    for (let i = 0; i < 200; i++) raw.send(queryAwarenessFrame())
    const event = await closed
    expect(event.code).toBe(4529)
    expect(event.reason).toMatch(/Too many messages/)
  })

  it('closes only the socket that sent a malformed frame; the room keeps syncing', async () => {
    const docName = `board:${h.project.projectId}`
    const a = h.client(h.owner, docName)
    const b = h.client(h.editor, docName)
    await Promise.all([whenSynced(a), whenSynced(b)])
    const bad = await openRawSocket(`${h.server.wsUrl}/${docName}`, h.headers(h.editor))
    const closed = closeEvent(bad)
    bad.send(Uint8Array.from([0, 2, 200, 1, 7])) // an update whose length runs past the frame
    expect(await closed).toMatchObject({ code: 4400, reason: expect.stringMatching(/^Malformed message/) })
    const text = await openRawSocket(`${h.server.wsUrl}/${docName}`, h.headers(h.editor))
    const textClosed = closeEvent(text)
    text.send('hello')
    expect(await textClosed).toMatchObject({ code: 4400 })

    a.doc.getArray<string>('log').push(['still alive'])
    await waitUntil(() => logOf(b.doc).includes('still alive'))
  })
})

describe('storage', { timeout: 20_000 }, () => {
  it('refuses to serve a document whose stored state cannot be loaded, and never overwrites it', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = `board:${projectId}`
    await h.database.db.insert(collabUpdates).values([
      { docId: docName, update: logUpdate(['precious'], 7) },
      { docId: docName, update: Uint8Array.from([9, 9, 9, 9, 9]) }, // damaged row
    ])
    const url = `${h.server.wsUrl}/${docName}`
    expect(await upgradeStatus(url, h.headers(h.owner))).toBe(503)
    expect(await upgradeStatus(url, h.headers(h.owner))).toBe(503) // every attempt loads afresh; none is served empty
    const rows = await h.database.db.select().from(collabUpdates).where(eq(collabUpdates.docId, docName))
    expect(rows).toHaveLength(2)

    // Once the damaged row is repaired the stored content is served, intact.
    await h.database.db.delete(collabUpdates).where(eq(collabUpdates.seq, rows[1]!.seq))
    const client = h.client(h.owner, docName)
    await whenSynced(client)
    expect(logOf(client.doc)).toEqual(['precious'])
  })

  it('compacts the update log into one snapshot after the threshold, losing nothing', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = `board:${projectId}`
    const writer = h.client(h.owner, docName)
    await whenSynced(writer)
    const expected: string[] = []
    for (let i = 0; i < 25; i++) {
      writer.doc.getArray<string>('log').push([`line ${i}`])
      expected.push(`line ${i}`)
      await new Promise((resolve) => setTimeout(resolve, 30)) // past the flush period, so rows accumulate
    }
    // Deleted content is folded away, not kept.
    writer.doc.getArray<string>('log').delete(0, 5)
    expected.splice(0, 5)
    await waitUntil(async () => {
      const [snapshot] = await h.database.db.select().from(collabSnapshots).where(eq(collabSnapshots.docId, docName))
      const rows = await h.database.db.select().from(collabUpdates).where(eq(collabUpdates.docId, docName))
      return snapshot !== undefined && rows.length < 10 && logOf(await storedDoc(h.database, docName)).length === expected.length
    })
    expect(logOf(await storedDoc(h.database, docName))).toEqual(expected)

    const reader = h.client(h.owner, docName)
    await whenSynced(reader)
    expect(logOf(reader.doc)).toEqual(expected)
  })
})
