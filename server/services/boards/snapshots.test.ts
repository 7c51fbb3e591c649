// Board versions end to end at the service level: a real collab server in process, the stock y-websocket client as
// the editor's browser, services called as the owner. A restore must reach the open board without a reload.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { TLRecord } from 'tldraw'
import * as Y from 'yjs'
import { createBoard, type Board } from '@/lib/board'
import { boardDocName, panelDocName } from '@/lib/collab/doc-name'
import { openRecords } from '@/lib/tldraw/yjs-records'
import type { Actor } from '@/server/auth/require-role'
import { changeDocument, readDocument } from '@/server/collab/document-access'
import { setCollabServer } from '@/server/collab/global-handle'
import { waitUntil, whenSynced } from '@/server/collab/testing/clients'
import type { TestUser } from '@/server/collab/testing/fixtures'
import { createHarness, storedDoc, type Harness } from '@/server/collab/testing/harness'
import { activityKinds, outcome } from '../testing/fixtures'
import { createSnapshot } from './create-snapshot'
import { getSnapshotPreview } from './get-snapshot-preview'
import { listSnapshots } from './list-snapshots'
import { readBoard } from './read-board'
import { restoreSnapshot } from './restore-snapshot'

let h: Harness
const actor = (user: TestUser): Actor => ({ userId: user.id, name: user.name, email: user.email })
const shape = (id: string, text: string) => ({ id, typeName: 'shape', text }) as unknown as TLRecord
const drawingOf = async (panelId: string) => Object.fromEntries([...openRecords(await storedDoc(h.database, panelDocName(panelId))).map].map(([id, e]) => [id, e.val]))

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20, unloadGraceMs: 200 } })
  setCollabServer(h.server.collab)
}, 60_000)

afterAll(async () => {
  setCollabServer(null)
  await h?.close()
})

describe('board versions', { timeout: 30_000 }, () => {
  it('saves, lists, previews, and restores as a change the open board receives live', async () => {
    const { projectId } = h.project
    const editorTab = h.client(h.editor, boardDocName(projectId))
    await whenSynced(editorTab)
    const board: Board = createBoard(editorTab.doc)
    const sceneId = board.insertScene(undefined, { heading: 'INT. KITCHEN – NIGHT' })
    const keptShot = board.insertShot({ sceneId }, { description: 'Wide on the door' })
    const doomedShot = board.insertShot({ sceneId }, { description: 'Close on the knife', lens: '85mm' })
    const panelId = board.insertPanel({ shotId: doomedShot }, { dialogue: 'Who is there?' })
    board.insertPanel({ shotId: keptShot })
    await changeDocument(panelDocName(panelId), (doc) => openRecords(doc).set('shape:a', shape('shape:a', 'knife')))
    await waitUntil(async () => (await readBoard({ actor: actor(h.owner), projectId })).board.listShots().length === 2, { message: 'the server never had both shots' })

    const { snapshotId } = await createSnapshot({ actor: actor(h.owner), projectId, name: 'Before notes' })
    const [listed] = await listSnapshots({ actor: actor(h.viewer), projectId })
    expect(listed).toMatchObject({ id: snapshotId, name: 'Before notes', authorName: 'Olive Owner', sceneCount: 1, shotCount: 2, panelCount: 2 })

    // The editor deletes a shot and retimes a field; someone redraws the panel.
    board.deleteShot(doomedShot)
    board.updateShot(keptShot, { description: 'Wide on the door, slower' })
    await changeDocument(panelDocName(panelId), (doc) => {
      const records = openRecords(doc)
      records.set('shape:a', shape('shape:a', 'spoon'))
      records.set('shape:b', shape('shape:b', 'extra'))
    })
    await waitUntil(async () => (await readBoard({ actor: actor(h.owner), projectId })).board.listShots().length === 1)

    const preview = await getSnapshotPreview({ actor: actor(h.viewer), projectId, snapshotId })
    expect(preview.scenes[0]?.shots.map((shot) => shot.id)).toEqual([keptShot, doomedShot])

    const result = await restoreSnapshot({ actor: actor(h.owner), projectId, snapshotId })
    expect(result).toEqual({ snapshotId, name: 'Before notes', drawingsRestored: 1 })

    // Live, same ids, same fields, same order — in the editor's open tab and in the database.
    await waitUntil(() => board.listShots().length === 2, { message: 'the restore never reached the editor' })
    expect(board.listShots().map((shot) => [shot.id, shot.description, shot.lens])).toEqual([
      [keptShot, 'Wide on the door', ''],
      [doomedShot, 'Close on the knife', '85mm'],
    ])
    expect(board.getPanel(panelId).dialogue).toBe('Who is there?')
    const stored = createBoard(await storedDoc(h.database, boardDocName(projectId)))
    expect(stored.listShots().map((shot) => shot.id)).toEqual([keptShot, doomedShot])
    expect(await drawingOf(panelId)).toEqual({ 'shape:a': shape('shape:a', 'knife') })
    expect(await activityKinds(h.project.workspaceId)).toEqual(expect.arrayContaining(['board.snapshot_created', 'board.snapshot_restored']))

    // A restore is an ordinary change: the editor keeps editing on top of it.
    board.updateShot(doomedShot, { lens: '50mm' })
    await waitUntil(async () => (await readBoard({ actor: actor(h.owner), projectId })).board.getShot(doomedShot).lens === '50mm')
    board.destroy()
  })

  it('restoring the version that is already live changes nothing', async () => {
    const { projectId } = h.project
    const { snapshotId } = await createSnapshot({ actor: actor(h.editor), projectId, name: 'Same' })
    const before = Y.encodeStateVector(await readDocument(boardDocName(projectId)))
    await restoreSnapshot({ actor: actor(h.editor), projectId, snapshotId })
    expect(Y.encodeStateVector(await readDocument(boardDocName(projectId)))).toEqual(before)
  })

  it('saving and restoring need an editor; looking needs a member', async () => {
    const { projectId } = h.project
    const { snapshotId } = await createSnapshot({ actor: actor(h.owner), projectId, name: 'Guarded' })
    expect(await outcome(() => createSnapshot({ actor: actor(h.viewer), projectId, name: 'Nope' }))).toBe('FORBIDDEN')
    expect(await outcome(() => restoreSnapshot({ actor: actor(h.commenter), projectId, snapshotId }))).toBe('FORBIDDEN')
    expect(await outcome(() => listSnapshots({ actor: actor(h.stranger), projectId }))).toBe('NOT_FOUND')
    expect(await outcome(() => getSnapshotPreview({ actor: actor(h.viewer), projectId, snapshotId: 'no-such-version' }))).toBe('NOT_FOUND')
  })
})
