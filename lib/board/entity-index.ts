import * as Y from 'yjs'
import type { EntityMap } from './layout'
import { compareByOrder, type Ordered } from './order'

/** Where an entity sits: all that placing, moving and cascading need, read without decoding the entity. */
export interface Placed extends Ordered {
  readonly parent: string
}

interface Slot<T> extends Placed {
  readonly map: Y.Map<unknown>
  value: T | undefined
}

/**
 * Plain copies of one entity map, grouped by parent and sorted, kept up to date incrementally and decoded lazily.
 * The board marks the ids a transaction touched as stale; the next read re-reads only their placement (parent and
 * order key, two map lookups), and an entity is fully decoded only when someone asks for it. So an edit costs almost
 * nothing until the next render, and the render re-decodes just what changed.
 */
export class EntityIndex<T extends Ordered> {
  private readonly slots = new Map<string, Slot<T>>()
  private readonly childIds = new Map<string, Set<string>>()
  private readonly sortedSlots = new Map<string, readonly Slot<T>[]>()
  private readonly sortedValues = new Map<string, readonly T[]>()
  private readonly stale = new Set<string>()
  private everythingStale = true
  private revision = 0

  constructor(
    private readonly map: EntityMap,
    private readonly placementOf: (map: Y.Map<unknown>) => { order: string; parent: string },
    private readonly decode: (id: string, map: Y.Map<unknown>, placement: Placed) => T,
  ) {}

  /** Changes whenever the content changed, so derived caches (the outline) know when to rebuild. */
  version(): number {
    this.refresh()
    return this.revision
  }

  markStale(id: string): void {
    if (!this.everythingStale) this.stale.add(id)
  }

  has(id: string): boolean {
    this.refresh()
    return this.slots.has(id)
  }

  /** Placement only, no decode. */
  placement(id: string): Placed | undefined {
    this.refresh()
    return this.slots.get(id)
  }

  get(id: string): T | undefined {
    this.refresh()
    const slot = this.slots.get(id)
    return slot && this.valueOf(slot)
  }

  /** The placements of one parent's children in board order, without decoding them. Read-only. */
  placements(parentId: string): readonly Placed[] {
    this.refresh()
    let sorted = this.sortedSlots.get(parentId)
    if (!sorted) {
      const ids = this.childIds.get(parentId)
      sorted = ids ? [...ids].map((id) => this.slots.get(id)!).sort(compareByOrder) : []
      this.sortedSlots.set(parentId, sorted)
    }
    return sorted
  }

  /** The children of one parent in board order, decoded. The array is shared and cached: treat it as read-only. */
  children(parentId: string): readonly T[] {
    const placements = this.placements(parentId) as readonly Slot<T>[]
    let values = this.sortedValues.get(parentId)
    if (!values) this.sortedValues.set(parentId, (values = placements.map((slot) => this.valueOf(slot))))
    return values
  }

  /** Every parent id that has children, including parents that no longer exist (their children are orphans). */
  parentIds(): string[] {
    this.refresh()
    return [...this.childIds.keys()]
  }

  private valueOf(slot: Slot<T>): T {
    return (slot.value ??= this.decode(slot.id, slot.map, slot))
  }

  private refresh(): void {
    if (this.everythingStale) {
      this.everythingStale = false
      this.stale.clear()
      this.slots.clear()
      this.childIds.clear()
      this.map.forEach((value, id) => this.load(id, value))
      this.sortedSlots.clear()
      this.sortedValues.clear()
      this.revision++
      return
    }
    if (this.stale.size === 0) return
    for (const id of this.stale) {
      const previous = this.slots.get(id)
      if (previous) this.unlink(previous)
      this.load(id, this.map.get(id))
    }
    this.stale.clear()
    this.revision++
  }

  private load(id: string, value: unknown): void {
    // Anything but a Y.Map under an entity key is a foreign write we cannot read; it is treated as absent.
    if (!(value instanceof Y.Map)) return
    // Fields copied one by one: spreading the placement made a second object per entity for the collector.
    const { order, parent } = this.placementOf(value)
    const slot: Slot<T> = { id, order, parent, map: value, value: undefined }
    this.slots.set(id, slot)
    let siblings = this.childIds.get(slot.parent)
    if (!siblings) this.childIds.set(slot.parent, (siblings = new Set()))
    siblings.add(id)
    this.forgetOrder(slot.parent)
  }

  private unlink(slot: Slot<T>): void {
    this.slots.delete(slot.id)
    const siblings = this.childIds.get(slot.parent)
    siblings?.delete(slot.id)
    if (siblings?.size === 0) this.childIds.delete(slot.parent)
    this.forgetOrder(slot.parent)
  }

  private forgetOrder(parentId: string): void {
    this.sortedSlots.delete(parentId)
    this.sortedValues.delete(parentId)
  }
}
