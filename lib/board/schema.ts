import { z } from 'zod'

// The board's vocabulary and field schemas. Writes are validated with the strict schemas here; reads go through the
// tolerant decoders in decode.ts, because a document can hold data written by an older or newer client.

// Shot-list codes as a 1st AD writes them; the UI maps them to words.
export const shotSizes = ['EWS', 'WS', 'FS', 'MWS', 'MS', 'MCU', 'CU', 'ECU', 'INSERT', 'OTS', 'POV', 'TWO'] as const
export const shotAngles = ['eye-level', 'high', 'low', 'dutch', 'overhead', 'birds-eye', 'worms-eye', 'shoulder', 'hip', 'knee', 'ground'] as const
export const shotMovements = ['static', 'pan', 'tilt', 'dolly', 'truck', 'pedestal', 'crane', 'jib', 'handheld', 'steadicam', 'gimbal', 'drone', 'zoom', 'tracking'] as const
export const shotStatuses = ['planned', 'ready', 'shot', 'omitted'] as const
export const simpleCameraMoves = ['static', 'pan', 'tilt', 'zoom-in', 'zoom-out', 'push', 'dolly'] as const

export type ShotSize = (typeof shotSizes)[number]
export type ShotAngle = (typeof shotAngles)[number]
export type ShotMovement = (typeof shotMovements)[number]
export type ShotStatus = (typeof shotStatuses)[number]

const entityId = z.string().min(1).max(100)
const text = (max: number) => z.string().max(max, `must be at most ${max} characters`)
const assetId = entityId.nullable()

/** A framing rectangle in normalised frame coordinates (0..1 on both axes), so it survives a resolution change. */
export const framingRect = z
  .strictObject({
    x: z.number().min(0).max(1),
    y: z.number().min(0).max(1),
    width: z.number().gt(0).max(1),
    height: z.number().gt(0).max(1),
  })
  .refine((r) => r.x + r.width <= 1 + 1e-9 && r.y + r.height <= 1 + 1e-9, 'framing must stay inside the frame')
export type FramingRect = z.infer<typeof framingRect>

// Camera move and transition are single atomic values (not one field per part) so that under concurrent edits a
// "custom" move can never end up without its framing, nor a cut with a dissolve length.
export const cameraMove = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.enum(simpleCameraMoves) }),
  z.strictObject({ kind: z.literal('custom'), start: framingRect, end: framingRect }),
])
export type CameraMove = z.infer<typeof cameraMove>

/** A shot number is either automatic (numbering.ts) or a custom label the user typed, which always wins. */
export const shotNumber = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('auto') }),
  z.strictObject({ kind: z.literal('custom'), label: z.string().trim().min(1, 'a custom shot number cannot be empty').max(20) }),
])
export type ShotNumber = z.infer<typeof shotNumber>

/** Letters frozen by the last renumber(), valid only while the shot stays in that scene. Written only by renumber. */
export const numberLock = z.strictObject({ sceneId: entityId, letters: z.string().regex(/^[A-HJ-NP-Z]{1,4}$/) })
export type NumberLock = z.infer<typeof numberLock>

/** Frame counts are bounded by 24 hours at the project's frame rate: longer is always a typo. */
export function maxDurationFrames(frameRate: FrameRateLike): number {
  return Math.floor((24 * 60 * 60 * frameRate.numerator) / frameRate.denominator)
}

export interface FrameRateLike {
  numerator: number
  denominator: number
}

/** Building zod schemas is slow next to using them, so each frame rate's set is built once per process. */
export function memoByFrameRate<T>(build: (frameRate: FrameRateLike) => T): (frameRate: FrameRateLike) => T {
  const cache = new Map<string, T>()
  return (frameRate) => {
    const key = `${frameRate.numerator}/${frameRate.denominator}`
    let value = cache.get(key)
    if (value === undefined) cache.set(key, (value = build(frameRate)))
    return value
  }
}

function frames(max: number) {
  return z
    .number({ error: 'must be a number of frames' })
    .int('must be a whole number of frames')
    .min(0, 'cannot be negative')
    .max(max, `cannot be longer than 24 hours (${max} frames at this frame rate)`)
}

export const sceneFields = z.strictObject({
  heading: text(200),
  notes: text(10_000),
})

export const shotFields = z.strictObject({
  number: shotNumber,
  size: z.enum(shotSizes).nullable(),
  angle: z.enum(shotAngles).nullable(),
  movement: z.enum(shotMovements).nullable(),
  lens: text(100),
  equipment: text(500),
  description: text(10_000),
  cast: z.array(z.string().trim().min(1).max(100)).max(100),
  location: text(200),
  setupMinutes: z.number().int('must be whole minutes').min(0).max(24 * 60).nullable(),
  status: z.enum(shotStatuses),
})

/** Panel fields depend on the project's frame rate (the 24-hour bound), hence a factory. */
export const panelFieldsFor = memoByFrameRate((frameRate) => {
  const max = maxDurationFrames(frameRate)
  return z.strictObject({
    durationFrames: frames(max),
    action: text(10_000),
    dialogue: text(10_000),
    notes: text(10_000),
    cameraMove,
    transitionIn: z.discriminatedUnion('kind', [
      z.strictObject({ kind: z.literal('cut') }),
      z.strictObject({ kind: z.enum(['dissolve', 'fade']), durationFrames: frames(max) }),
    ]),
    imageAssetId: assetId,
    thumbnailAssetId: assetId,
    // A generated or imported background layer, kept apart from the drawing so provenance can tell them apart.
    backgroundAssetId: assetId,
  })
})

/** Operation input: any subset of an entity's fields, each validated, unknown keys rejected. */
export const patchSchemasFor = memoByFrameRate((frameRate) => ({
  scene: sceneFields.partial(),
  shot: shotFields.partial(),
  panel: panelFieldsFor(frameRate).partial(),
}))

const placement = { id: entityId, order: z.string() }
export const sceneSchema = sceneFields.extend(placement)
export const shotSchema = shotFields.extend({ ...placement, sceneId: entityId, numberLock: numberLock.nullable() })
export const panelSchemaFor = memoByFrameRate((frameRate) => panelFieldsFor(frameRate).extend({ ...placement, shotId: entityId }))

export type SceneFields = z.infer<typeof sceneFields>
export type ShotFields = z.infer<typeof shotFields>
export type PanelFields = z.infer<ReturnType<typeof panelFieldsFor>>
export type TransitionIn = PanelFields['transitionIn']
export type ScenePatch = Partial<SceneFields>
export type ShotPatch = Partial<ShotFields>
export type PanelPatch = Partial<PanelFields>

/**
 * What reads hand out. Decoded entities are cached and shared by every view until their next edit, so their types are
 * deeply read-only: a component that mutated one would change what other views show without touching the document.
 * (Enforced by the compiler, not Object.freeze, which costs more than the whole decode.)
 */
export type DeepReadonly<T> = T extends readonly (infer U)[]
  ? readonly DeepReadonly<U>[]
  : T extends object
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T

export type Scene = DeepReadonly<z.infer<typeof sceneSchema>>
export type Shot = DeepReadonly<z.infer<typeof shotSchema>>
export type Panel = DeepReadonly<z.infer<ReturnType<typeof panelSchemaFor>>>

export const sceneDefaults: SceneFields = { heading: '', notes: '' }

export const shotDefaults: ShotFields = {
  number: { kind: 'auto' },
  size: null,
  angle: null,
  movement: null,
  lens: '',
  equipment: '',
  description: '',
  cast: [],
  location: '',
  setupMinutes: null,
  status: 'planned',
}

/** New panels hold for two seconds, the usual first guess when timing a board. */
export function panelDefaults(frameRate: FrameRateLike): PanelFields {
  return {
    durationFrames: Math.round((2 * frameRate.numerator) / frameRate.denominator),
    action: '',
    dialogue: '',
    notes: '',
    cameraMove: { kind: 'static' },
    transitionIn: { kind: 'cut' },
    imageAssetId: null,
    thumbnailAssetId: null,
    backgroundAssetId: null,
  }
}
