import * as Y from 'yjs'
import { createBoard, type Board, type BoardOptions } from './board'

// Helpers for the board's tests: replicas are separate Y.Docs (one per person, as in the browser) that exchange
// updates only when a test says so, which is how concurrency and offline editing are simulated.

export interface Replica {
  name: string
  doc: Y.Doc
  board: Board
}

/** A replica with readable, deterministic ids ("alice-1", "alice-2" …) and its name as transaction origin. */
export function createReplica(name: string, options: BoardOptions = {}): Replica {
  const doc = new Y.Doc()
  let next = 0
  const board = createBoard(doc, { origin: name, newId: () => `${name}-${++next}`, ...options })
  return { name, doc, board }
}

export const REMOTE = 'remote'

/** Sends `to` everything `from` has that `to` lacks. */
export function sync(from: Replica, to: Replica): void {
  Y.applyUpdate(to.doc, Y.encodeStateAsUpdate(from.doc, Y.encodeStateVector(to.doc)), REMOTE)
}

export function syncBoth(a: Replica, b: Replica, order: 'a-first' | 'b-first' = 'a-first'): void {
  if (order === 'a-first') {
    sync(a, b)
    sync(b, a)
  } else {
    sync(b, a)
    sync(a, b)
  }
}

export function syncAll(replicas: readonly Replica[]): void {
  for (let round = 0; round < 2; round++) for (const from of replicas) for (const to of replicas) if (from !== to) sync(from, to)
}

/** What a person sees: the numbered outline and the orphans, as plain data for toEqual. */
export function view(board: Board) {
  return { outline: board.outline(), orphans: board.listOrphans() }
}

/** The outline reduced to ids and labels, for readable assertions. */
export function shape(board: Board) {
  return board.outline().scenes.map((scene) => ({
    scene: scene.scene.id,
    shots: scene.shots.map((shot) => ({ shot: shot.shot.id, number: shot.number, panels: shot.panels.map((panel) => panel.panel.id) })),
  }))
}

/** The ids of every entity stored in the document, visible or orphaned. */
export function storedIds(replica: Replica) {
  const keys = (name: string) => [...replica.doc.getMap(name).keys()].sort()
  return { scenes: keys('scenes'), shots: keys('shots'), panels: keys('panels') }
}
