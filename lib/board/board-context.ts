import type * as Y from 'yjs'
import { AppError } from '../errors'
import { decodersFor, placementReader } from './decode'
import { EntityIndex } from './entity-index'
import { BOARD_SCHEMA_VERSION, boardMaps, storedSchemaVersion, type BoardMaps } from './layout'
import { buildOutline, type BoardIndexes, type OutlineView } from './outline'
import type { FrameRateLike } from './schema'
import { newId } from './new-id'

/** What one transaction on the board looked like, as told to observe() callbacks. */
export interface BoardChange {
  /** The origin the transaction was made with: a board's origin, an undo manager, a sync provider… */
  readonly origin: unknown
  /** False when the change arrived from another replica. */
  readonly local: boolean
}

export interface BoardContext {
  readonly maps: BoardMaps
  readonly ix: BoardIndexes
  readonly origin: unknown
  readonly frameRate: FrameRateLike
  newId(): string
  /** Runs `write` as one Yjs transaction with this board's origin, so an UndoManager can track it as one step. */
  transact(write: () => void): void
  /** The outline and timeline, rebuilt at most once per change of the document. */
  view(): OutlineView
  observe(callback: (change: BoardChange) => void): () => void
  destroy(): void
}

export interface BoardContextOptions {
  origin?: unknown
  frameRate?: FrameRateLike
  newId?: () => string
}

const defaultFrameRate: FrameRateLike = { numerator: 24, denominator: 1 }

/** The key type of a transaction's `changed` map: whichever shared type was written. */
type ChangedType = Y.Transaction['changed'] extends Map<infer Type, unknown> ? Type : never

export function createBoardContext(doc: Y.Doc, options: BoardContextOptions = {}): BoardContext {
  const maps = boardMaps(doc)
  const frameRate = options.frameRate ?? defaultFrameRate
  const decode = decodersFor(frameRate)
  const ix: BoardIndexes = {
    scenes: new EntityIndex(maps.scenes, placementReader(null), decode.scene),
    shots: new EntityIndex(maps.shots, placementReader('sceneId'), decode.shot),
    panels: new EntityIndex(maps.panels, placementReader('shotId'), decode.panel),
  }
  const indexOf = new Map<unknown, { markStale(id: string): void }>([
    [maps.scenes, ix.scenes],
    [maps.shots, ix.shots],
    [maps.panels, ix.panels],
  ])
  const listeners = new Set<(change: BoardChange) => void>()
  // Yjs finishes one transaction (beforeObserverCalls … afterTransaction) before starting on the next, so remembering
  // the last touched one is enough — and avoids a WeakSet entry per transaction, which the GC pays for.
  let touched: Y.Transaction | null = null
  // Kept current from meta changes so each operation's version check is a comparison, not a map read.
  let schemaVersion = storedSchemaVersion(maps)

  // Marking stale happens before any observer runs, so even a raw Yjs observer that reads the board sees fresh data.
  // forEach rather than for…of over entries: this runs on every transaction, and the entry arrays and iterator results
  // of for…of were a measurable share of a field update's garbage.
  const markChangedType = (keys: Set<string | null>, type: ChangedType, transaction: Y.Transaction) => {
    if ((type as unknown) === maps.meta) {
      schemaVersion = storedSchemaVersion(maps)
      touched = transaction
    }
    const topLevel = indexOf.get(type)
    if (topLevel) {
      keys.forEach((key) => {
        if (key !== null) topLevel.markStale(key)
      })
      touched = transaction
      return
    }
    // A field of one entity changed: its Y.Map sits under its id in one of the three entity maps.
    const item = type._item
    const parentIndex = item && indexOf.get(item.parent)
    if (parentIndex && item.parentSub !== null) {
      parentIndex.markStale(item.parentSub)
      touched = transaction
    }
  }
  const markStale = (transaction: Y.Transaction) => {
    transaction.changed.forEach((keys, type) => markChangedType(keys, type, transaction))
  }
  const notify = (transaction: Y.Transaction) => {
    if (touched !== transaction) return
    touched = null
    if (listeners.size === 0) return
    const change: BoardChange = { origin: transaction.origin, local: transaction.local }
    for (const listener of [...listeners]) listener(change)
  }
  doc.on('beforeObserverCalls', markStale)
  doc.on('afterTransaction', notify)

  let cached: { view: OutlineView; revisions: string } | null = null
  const origin = options.origin ?? Symbol('storyreel-board')

  return {
    maps,
    ix,
    origin,
    frameRate,
    newId: options.newId ?? newId,
    transact(write) {
      if (schemaVersion > BOARD_SCHEMA_VERSION) {
        // Writing with an older layout could corrupt fields this code does not know about.
        throw new AppError('CONFLICT', {
          userMessage: 'This board was saved by a newer version of Storyreel. Reload the page to keep editing.',
          details: { storedSchemaVersion: schemaVersion, supportedSchemaVersion: BOARD_SCHEMA_VERSION },
        })
      }
      const outer = doc._transaction
      doc.transact(write, origin)
      // Inside a caller's transaction (several operations batched into one change or undo step) Yjs reports the
      // changes only when that transaction ends; mark them now so the next operation in the batch sees this one.
      if (outer) markStale(outer)
    },
    view() {
      const revisions = `${ix.scenes.version()}:${ix.shots.version()}:${ix.panels.version()}`
      if (cached?.revisions !== revisions) cached = { view: buildOutline(ix), revisions }
      return cached.view
    },
    observe(callback) {
      listeners.add(callback)
      return () => listeners.delete(callback)
    },
    destroy() {
      doc.off('beforeObserverCalls', markStale)
      doc.off('afterTransaction', notify)
      listeners.clear()
    },
  }
}
