import { generateKeyBetween, generateNKeysBetween } from 'fractional-indexing'

// Siblings are ordered by a fractional-index key, then by id. Keys let two people reorder the same list at once without
// either move duplicating or losing an item (a move only rewrites the moved item's own key); the id tie-break gives a
// stable order when two people insert at the same place at once and happen to mint the same key.

export interface Ordered {
  readonly id: string
  readonly order: string
}

/** Plain code-unit comparison, which is what fractional-indexing keys are designed for (never localeCompare). */
export function compareByOrder(a: Ordered, b: Ordered): number {
  if (a.order !== b.order) return a.order < b.order ? -1 : 1
  if (a.id !== b.id) return a.id < b.id ? -1 : 1
  return 0
}

const DIGITS = /^[0-9A-Za-z]+$/
const SMALLEST_INTEGER = 'A' + '0'.repeat(26)

/** Mirrors fractional-indexing's own (unexported) key validation, so a bad key from a peer is caught on read. */
export function isValidOrderKey(key: string): boolean {
  if (!DIGITS.test(key) || key === SMALLEST_INTEGER) return false
  const head = key.charCodeAt(0)
  const isLower = head >= 97 && head <= 122
  const isUpper = head >= 65 && head <= 90
  if (!isLower && !isUpper) return false
  const integerLength = isLower ? head - 97 + 2 : 90 - head + 2
  if (integerLength > key.length) return false
  return key.length === integerLength || !key.endsWith('0')
}

export interface InsertPlan {
  /** The key for the inserted (or moved) item. */
  key: string
  /** Siblings that must take a new key so the item can sit exactly where asked; empty except after a tie. */
  rekey: Array<{ id: string; order: string }>
}

/**
 * Where to put an item so it lands at `index` among `siblings` (sorted, without the item itself).
 * When the neighbours on both sides share one key (two concurrent inserts minted the same key) there is no key
 * strictly between them, so the tied run after the gap is re-keyed in the same transaction.
 */
export function planInsert(siblings: readonly Ordered[], index: number): InsertPlan {
  const at = Math.max(0, Math.min(index, siblings.length))
  const before = siblings[at - 1]?.order ?? null
  const after = siblings[at]?.order ?? null
  if (before === null || after === null || before < after) {
    return { key: generateKeyBetween(before, after), rekey: [] }
  }
  let end = at
  while (end < siblings.length && siblings[end]!.order === after) end++
  const upper = siblings[end]?.order ?? null
  const [key, ...rest] = generateNKeysBetween(before, upper, 1 + end - at)
  return {
    key: key!,
    rekey: siblings.slice(at, end).map((sibling, i) => ({ id: sibling.id, order: rest[i]! })),
  }
}
