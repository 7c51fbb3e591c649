// Restore-as-a-change at the document level: the edits reconcile writes, and what happens to a collaborator's
// concurrent edit.
import { describe, expect, it } from 'vitest'
import type { TLRecord } from 'tldraw'
import * as Y from 'yjs'
import { createBoard } from '@/lib/board'
import { metaMapName, openRecords, schemaKey } from '@/lib/tldraw/yjs-records'
import { reconcileBoard } from './reconcile-board'
import { reconcileDrawing } from './reconcile-drawing'

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}
const sync = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
}
const restore = (live: Y.Doc, saved: Y.Doc) => {
  let changed = false
  live.transact(() => (changed = reconcileBoard(live, saved)))
  return changed
}

function savedBoard() {
  const doc = new Y.Doc()
  const board = createBoard(doc)
  const sceneId = board.insertScene(undefined, { heading: 'EXT. PIER' })
  const first = board.insertShot({ sceneId }, { description: 'Gulls' })
  const second = board.insertShot({ sceneId }, { description: 'Boat', lens: '35mm' })
  board.insertPanel({ shotId: second }, { dialogue: 'Cast off!' })
  return { doc, board, sceneId, first, second }
}

describe('reconcileBoard', () => {
  it('undoes deletions, additions, edits and moves with the same ids, and writes nothing when already equal', () => {
    const { doc: saved, sceneId, first, second } = savedBoard()
    const live = copyOf(saved)
    const board = createBoard(live)
    board.deleteShot(second)
    board.updateShot(first, { description: 'Gulls, slow motion', setupMinutes: 15 })
    board.insertShot({ sceneId }, { description: 'Added later' })
    board.insertScene(undefined, { heading: 'INT. CABIN' })

    expect(restore(live, saved)).toBe(true)
    const restored = createBoard(live)
    expect(restored.listScenes().map((scene) => scene.heading)).toEqual(['EXT. PIER'])
    expect(restored.listShots().map((shot) => [shot.id, shot.description, shot.setupMinutes])).toEqual([
      [first, 'Gulls', null],
      [second, 'Boat', null],
    ])
    expect(restored.listPanels(second).map((panel) => panel.dialogue)).toEqual(['Cast off!'])
    expect(restore(live, saved)).toBe(false)
  })

  it('keeps a collaborator’s concurrent edit to a field the restore did not need to change', () => {
    const { doc: saved, first, second } = savedBoard()
    const server = copyOf(saved)
    createBoard(server).updateShot(second, { lens: '50mm' })
    const peer = copyOf(server)
    // Concurrently: the peer retitles the first shot, the server restores (lens back to 35mm).
    createBoard(peer).updateShot(first, { description: 'Gulls at dawn' })
    restore(server, saved)
    sync(server, peer)
    for (const doc of [server, peer]) {
      const board = createBoard(doc)
      expect(board.getShot(first).description).toBe('Gulls at dawn')
      expect(board.getShot(second).lens).toBe('35mm')
    }
  })
})

describe('reconcileDrawing', () => {
  const record = (id: string, text: string) => ({ id, typeName: 'shape', text }) as unknown as TLRecord

  it('puts records and the schema stamp back as they were saved', () => {
    const saved = new Y.Doc()
    openRecords(saved).set('shape:a', record('shape:a', 'boat'))
    saved.getMap(metaMapName).set(schemaKey, { schemaVersion: 2, sequences: { old: 1 } })
    const live = copyOf(saved)
    live.transact(() => {
      const records = openRecords(live)
      records.set('shape:a', record('shape:a', 'plane'))
      records.set('shape:b', record('shape:b', 'cloud'))
      live.getMap(metaMapName).set(schemaKey, { schemaVersion: 2, sequences: { old: 2 } })
    })

    let changed = false
    live.transact(() => (changed = reconcileDrawing(live, saved)))
    expect(changed).toBe(true)
    const restored = openRecords(copyOf(live))
    expect(Object.fromEntries([...restored.map].map(([id, entry]) => [id, entry.val]))).toEqual({ 'shape:a': record('shape:a', 'boat') })
    expect(live.getMap(metaMapName).get(schemaKey)).toEqual({ schemaVersion: 2, sequences: { old: 1 } })
    live.transact(() => (changed = reconcileDrawing(live, saved)))
    expect(changed).toBe(false)
  })
})
