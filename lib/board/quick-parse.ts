import {
  maxDurationFrames,
  memoByFrameRate,
  shotAngles,
  shotMovements,
  shotSizes,
  shotStatuses,
  simpleCameraMoves,
  type PanelFields,
  type SceneFields,
  type ShotFields,
} from './schema'

// zod costs a few microseconds per entity, which made a cold read of a 500-panel board ~10× the cost of copying it out
// of Yjs, and a field update slower than the write itself. Nearly every value the board sees is an ordinary one
// (plain text, a whole number of frames, a "cut", an "auto" shot number), so these hand-written parsers accept exactly
// those, returning what the zod schema in schema.ts would return, and answer NO for anything else: the caller then
// runs the zod schema, which stays the one authority on what is valid and words the errors. A parser may refuse a
// valid value (rare shapes such as a custom camera move go to zod) but must never accept an invalid one;
// quick-parse.test.ts checks that against the zod schemas.

/**
 * Where an entity's fields are read from: its Y.Map itself, so an ordinary record is copied once (by the parsers)
 * instead of first into a toJSON() object — on a cold read of a big board that extra copy was mostly garbage
 * collection. A nested Y type read this way is refused by every parser (not a string, not a plain `{ kind }`), and the
 * zod path then works on toJSON() as before.
 */
export interface EntitySource {
  get(key: string): unknown
}

/** "Not sure": let the zod schema decide. */
export const NO: unique symbol = Symbol('quick-parse: no')
type Parse<T> = (value: unknown) => T | typeof NO
/** One parser per field, so a field added to a schema without one here fails to compile. */
export type FieldParsers<T> = { readonly [K in keyof T]-?: Parse<T[K]> }

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)
const keyCount = (value: object) => Object.keys(value).length

const text =
  (max: number): Parse<string> =>
  (value) =>
    typeof value === 'string' && value.length <= max ? value : NO
const entityId = (value: unknown): string | typeof NO => (typeof value === 'string' && value.length >= 1 && value.length <= 100 ? value : NO)
const nullableId: Parse<string | null> = (value) => (value === null ? null : entityId(value))
const wholeNumber =
  (max: number): Parse<number> =>
  (value) =>
    typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max ? value : NO
function oneOf<T extends string>(values: readonly T[]): Parse<T> {
  const allowed = new Set<string>(values)
  return (value) => (typeof value === 'string' && allowed.has(value) ? (value as T) : NO)
}
function nullable<T>(parse: Parse<T>): Parse<T | null> {
  return (value) => (value === null ? null : parse(value))
}
/** An object that is exactly `{ kind }` with one of `kinds`: copied, as zod would. */
function kindOnly<K extends string>(kinds: readonly K[]): Parse<{ kind: K }> {
  const kind = oneOf(kinds)
  return (value) => {
    if (!isRecord(value) || keyCount(value) !== 1) return NO
    const parsed = kind(value.kind)
    return parsed === NO ? NO : { kind: parsed }
  }
}

const sceneParsers: FieldParsers<SceneFields> = { heading: text(200), notes: text(10_000) }

const castMember = (value: unknown) => typeof value === 'string' && value.length >= 1 && value.length <= 100 && value.trim() === value
const shotParsers: FieldParsers<ShotFields> = {
  // A custom label is trimmed by zod; leave that to it.
  number: kindOnly(['auto'] as const),
  size: nullable(oneOf(shotSizes)),
  angle: nullable(oneOf(shotAngles)),
  movement: nullable(oneOf(shotMovements)),
  lens: text(100),
  equipment: text(500),
  description: text(10_000),
  cast: (value) => (Array.isArray(value) && value.length <= 100 && value.every(castMember) ? [...(value as string[])] : NO),
  location: text(200),
  setupMinutes: nullable(wholeNumber(24 * 60)),
  status: oneOf(shotStatuses),
}

const lockLetters = /^[A-HJ-NP-Z]{1,4}$/
/** The letters renumber() froze, stored on a shot next to its placement; not user-editable, so not in shotParsers. */
export const numberLockParsers: FieldParsers<{ numberLock: { sceneId: string; letters: string } | null }> = {
  numberLock: (value) => {
    if (value === null) return null
    if (!isRecord(value) || keyCount(value) !== 2) return NO
    const sceneId = entityId(value.sceneId)
    const { letters } = value
    return sceneId !== NO && typeof letters === 'string' && lockLetters.test(letters) ? { sceneId, letters } : NO
  },
}

export interface QuickParsers {
  scene: FieldParsers<SceneFields>
  shot: FieldParsers<ShotFields>
  panel: FieldParsers<PanelFields>
}

export const quickParsersFor = memoByFrameRate((frameRate): QuickParsers => {
  const frames = wholeNumber(maxDurationFrames(frameRate))
  const panel: FieldParsers<PanelFields> = {
    durationFrames: frames,
    action: text(10_000),
    dialogue: text(10_000),
    notes: text(10_000),
    // A custom move's framing has a refinement; zod checks it.
    cameraMove: kindOnly(simpleCameraMoves),
    transitionIn: (value) => {
      if (!isRecord(value)) return NO
      if (value.kind === 'cut') return keyCount(value) === 1 ? { kind: 'cut' } : NO
      if ((value.kind !== 'dissolve' && value.kind !== 'fade') || keyCount(value) !== 2) return NO
      const durationFrames = frames(value.durationFrames)
      return durationFrames === NO ? NO : { kind: value.kind, durationFrames }
    },
    imageAssetId: nullableId,
    thumbnailAssetId: nullableId,
    backgroundAssetId: nullableId,
  }
  return { scene: sceneParsers, shot: shotParsers, panel }
})

/**
 * A whole stored entity: every field present and ordinary. Returns a new object with the keys in the order the read
 * schemas give them — fields, then `placement`, then `trailing` fields — leaving out unknown keys as they do; or NO.
 */
export function quickEntity<T extends object>(source: EntitySource, parsers: FieldParsers<object>, placement: object, trailing?: FieldParsers<object>): T | typeof NO {
  const result: Record<string, unknown> = {}
  if (!copyFields(source, parsers, result)) return NO
  Object.assign(result, placement)
  if (trailing && !copyFields(source, trailing, result)) return NO
  return result as T
}

function copyFields(source: EntitySource, parsers: FieldParsers<object>, into: Record<string, unknown>): boolean {
  for (const key in parsers) {
    const parsed = (parsers[key as keyof typeof parsers] as Parse<unknown>)(source.get(key))
    if (parsed === NO) return false
    into[key] = parsed
  }
  return true
}

/**
 * Operation input: a subset of the fields, no unknown keys. Returns a new patch, or NO. A field given as undefined is
 * left out (zod would keep it as undefined, which an insert then spread over the field's default).
 */
export function quickPatch<T extends object>(input: unknown, parsers: FieldParsers<T>): Partial<T> | typeof NO {
  if (!isRecord(input)) return NO
  const result: Record<string, unknown> = {}
  for (const key of Object.keys(input)) {
    if (!Object.hasOwn(parsers, key)) return NO
    const value = input[key]
    if (value === undefined) continue
    const parsed = (parsers[key as keyof T] as Parse<unknown>)(value)
    if (parsed === NO) return NO
    result[key] = parsed
  }
  return result as Partial<T>
}
