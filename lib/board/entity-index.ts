import * as Y from 'yjs'
import type { EntityMap } from './layout'
import { compareByOrder, type Ordered } from './order'

/**
 * Decoded, plain copies of one entity map, grouped by parent and sorted, kept up to date incrementally: the board
 * marks the ids a transaction touched as stale and only those are decoded again on the next read. Reads therefore
 * cost nothing between edits, and an edit costs one decode plus one re-sort of the parents it touched.
 */
export class EntityIndex<T extends Ordered> {
  private readonly records = new Map<string, T>()
  private readonly childIds = new Map<string, Set<string>>()
  private readonly sortedChildren = new Map<string, readonly T[]>()
  private readonly stale = new Set<string>()
  private everythingStale = true
  /** Bumped whenever a refresh changed anything, so derived caches know when to rebuild. */
  revision = 0

  constructor(
    private readonly map: EntityMap,
    private readonly decode: (id: string, map: Y.Map<unknown>) => T,
    private readonly parentOf: (entity: T) => string,
  ) {}

  markStale(id: string): void {
    if (!this.everythingStale) this.stale.add(id)
  }

  get(id: string): T | undefined {
    this.refresh()
    return this.records.get(id)
  }

  has(id: string): boolean {
    return this.get(id) !== undefined
  }

  values(): IterableIterator<T> {
    this.refresh()
    return this.records.values()
  }

  /** The children of one parent in board order. The array is shared: treat it as read-only. */
  children(parentId: string): readonly T[] {
    this.refresh()
    let sorted = this.sortedChildren.get(parentId)
    if (!sorted) {
      const ids = this.childIds.get(parentId)
      sorted = ids ? [...ids].map((id) => this.records.get(id)!).sort(compareByOrder) : []
      this.sortedChildren.set(parentId, sorted)
    }
    return sorted
  }

  /** Every parent id that has children, including parents that no longer exist (their children are orphans). */
  parentIds(): IterableIterator<string> {
    this.refresh()
    return this.childIds.keys()
  }

  private refresh(): void {
    if (this.everythingStale) {
      this.everythingStale = false
      this.stale.clear()
      this.records.clear()
      this.childIds.clear()
      this.sortedChildren.clear()
      this.map.forEach((value, id) => this.load(id, value))
      this.revision++
      return
    }
    if (this.stale.size === 0) return
    for (const id of this.stale) {
      const previous = this.records.get(id)
      if (previous) this.unlink(previous)
      this.load(id, this.map.get(id))
    }
    this.stale.clear()
    this.revision++
  }

  private load(id: string, value: unknown): void {
    // Anything but a Y.Map under an entity key is a foreign write we cannot read; it is treated as absent.
    if (!(value instanceof Y.Map)) return
    const entity = this.decode(id, value)
    this.records.set(id, entity)
    const parentId = this.parentOf(entity)
    let siblings = this.childIds.get(parentId)
    if (!siblings) this.childIds.set(parentId, (siblings = new Set()))
    siblings.add(id)
    this.sortedChildren.delete(parentId)
  }

  private unlink(entity: T): void {
    this.records.delete(entity.id)
    const parentId = this.parentOf(entity)
    const siblings = this.childIds.get(parentId)
    siblings?.delete(entity.id)
    if (siblings?.size === 0) this.childIds.delete(parentId)
    this.sortedChildren.delete(parentId)
  }
}
