// Server-side changes to live documents: through the room to connected stock y-websocket clients and the database,
// and straight to the database when no collab server runs in the process.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { boardDocName } from '@/lib/collab/doc-name'
import { changeDocument, readDocument, storedDocuments } from './document-access'
import { getCollabServer, setCollabServer } from './global-handle'
import { logOf, waitUntil, whenSynced } from './testing/clients'
import { createProject } from './testing/fixtures'
import { createHarness, type Harness } from './testing/harness'
import { startInProcess } from './testing/servers'

let h: Harness

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20, unloadGraceMs: 200 } })
}, 60_000)

afterAll(() => h?.close())

const push = (item: string) => (doc: import('yjs').Doc) => doc.getArray<string>('log').push([item])

describe('changeDocument through a running collab server', { timeout: 20_000 }, () => {
  it('reaches a connected client without reload and is in the database when it resolves', async () => {
    const docName = boardDocName(h.project.projectId)
    const client = h.client(h.editor, docName)
    await whenSynced(client)
    client.doc.getArray<string>('log').push(['typed by the editor'])
    await waitUntil(async () => logOf(await readDocument(docName, h.server.collab.documents)).length === 1)

    await changeDocument(docName, push('written by the server'), { documents: h.server.collab.documents })

    await waitUntil(() => logOf(client.doc).includes('written by the server'), { message: 'the client never received the change' })
    expect((await h.storedLog(docName)).sort()).toEqual(['typed by the editor', 'written by the server'])
  })

  it('loads a document nobody has open, and reads the live state including unsaved edits', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = boardDocName(projectId)
    const roomsBefore = h.server.collab.stats().rooms
    await changeDocument(docName, push('first'), { documents: h.server.collab.documents })
    expect(await h.storedLog(docName)).toEqual(['first'])
    // Released after the change: it unloads like a room whose last client left.
    await waitUntil(() => h.server.collab.stats().rooms === roomsBefore, { message: 'the room was never unloaded' })

    const client = h.client(h.owner, docName)
    await whenSynced(client)
    expect(logOf(client.doc)).toEqual(['first'])
    client.doc.getArray<string>('log').push(['second'])
    await waitUntil(async () => logOf(await readDocument(docName, h.server.collab.documents)).length === 2)
  })

  it('refuses names that are not documents', async () => {
    await expect(changeDocument('notes:x', push('x'), { documents: h.server.collab.documents })).rejects.toMatchObject({ code: 'BAD_REQUEST' })
  })

  it('is what changeDocument uses by default once the server is published on globalThis', async () => {
    const docName = boardDocName(h.project.projectId)
    const client = h.client(h.owner, docName)
    await whenSynced(client)
    setCollabServer(h.server.collab)
    try {
      expect(getCollabServer()).toBe(h.server.collab)
      await changeDocument(docName, push('via the global handle'))
      await waitUntil(() => logOf(client.doc).includes('via the global handle'))
    } finally {
      setCollabServer(null)
    }
  })
})

describe('a collab server that is shutting down', { timeout: 20_000 }, () => {
  it('refuses writes instead of loading a room it would never save', async () => {
    const doomed = await startInProcess({ config: { flushMs: 20 } })
    await doomed.close()
    await expect(changeDocument(boardDocName(h.project.projectId), push('too late'), { documents: doomed.collab.documents })).rejects.toMatchObject({ code: 'UNAVAILABLE' })
    expect(await h.storedLog(boardDocName(h.project.projectId))).not.toContain('too late')
  })
})

describe('without a collab server in the process', { timeout: 20_000 }, () => {
  it('appends the change to collab_updates and reads it back from there', async () => {
    const { projectId } = await createProject(h.database.db, h.owner)
    const docName = boardDocName(projectId)
    expect(getCollabServer()).toBeNull()
    await changeDocument(docName, push('offline one'))
    await changeDocument(docName, push('offline two'), { documents: storedDocuments })
    expect(await h.storedLog(docName)).toEqual(['offline one', 'offline two'])
    expect(logOf(await readDocument(docName))).toEqual(['offline one', 'offline two'])
    // A change that changes nothing writes nothing.
    await changeDocument(docName, () => undefined)
    expect(await h.storedLog(docName)).toHaveLength(2)
  })
})
