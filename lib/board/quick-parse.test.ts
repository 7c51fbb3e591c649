import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { frameRateById } from '../frame-rates'
import { NO, numberLockParsers, quickEntity, quickParsersFor, quickPatch, type FieldParsers } from './quick-parse'
import { numberLock, panelDefaults, panelFieldsFor, sceneDefaults, sceneFields, shotDefaults, shotFields, shotSizes, simpleCameraMoves } from './schema'
import { createReplica } from './test-support'

// The quick parsers may send a value to zod when unsure, but must never accept what zod refuses, nor return anything
// but what zod would. Every check below runs the same input through both.

const frameRate = frameRateById('23.976')
const quick = quickParsersFor(frameRate)
/** A stored entity as the decoder reads it: by key, like its Y.Map. */
const stored = (fields: object) => new Map(Object.entries(fields))
const kinds: Array<[string, FieldParsers<object>, z.ZodObject]> = [
  ['scene', quick.scene, sceneFields],
  ['shot', quick.shot, shotFields],
  ['panel', quick.panel, panelFieldsFor(frameRate)],
  ['shot numberLock', numberLockParsers, z.strictObject({ numberLock: numberLock.nullable() })],
]

// Near-misses of the ordinary values: wrong types, limits ±1, extra keys, untrimmed text, the rarer valid shapes.
const tricky = fc.oneof(
  fc.constantFrom(null, undefined, 0, -0, -1, 1.5, NaN, Infinity, 2_071_528, 2_071_529, 1440, 1441, '', ' a', 'a ', 'MS', 'ms', 'cut', 'auto', true, [], {}),
  fc.string({ maxLength: 3 }),
  fc.constantFrom(200, 201, 10_000, 10_001, 100, 101, 500, 501).map((n) => 'x'.repeat(n)),
  fc.constantFrom(...simpleCameraMoves, 'custom', 'dissolve', 'fade', 'cut', 'auto', 'wipe').map((kind) => ({ kind })),
  fc.record({ kind: fc.constantFrom('dissolve', 'fade', 'cut', 'wipe'), durationFrames: fc.oneof(fc.integer({ min: -2, max: 30 }), fc.constant(2.5)) }),
  fc.record({ kind: fc.constantFrom('static', 'cut', 'auto'), extra: fc.constant(1) }),
  fc.record({ kind: fc.constant('custom'), label: fc.constantFrom('', ' 7', '7', 'x'.repeat(21)) }),
  fc.record({ sceneId: fc.constantFrom('', 's1', 'x'.repeat(101)), letters: fc.constantFrom('A', 'I', 'ABCD', 'ABCDE', 'a', '') }),
  fc.array(fc.constantFrom('Ana', ' Ana', '', 'x'.repeat(101)), { maxLength: 3 }),
  fc.array(fc.constant('Ana'), { minLength: 100, maxLength: 101 }),
  fc.constantFrom(...shotSizes, 'eye-level', 'dolly', 'planned', 'omitted', 'done'),
  fc.jsonValue({ maxDepth: 2 }),
)

describe('quick parsers agree with the zod schemas', () => {
  it.each(kinds)('%s fields: whatever the quick parser accepts, zod accepts with the same result', (_kind, parsers, schema) => {
    for (const key of Object.keys(parsers)) {
      const fieldSchema = schema.shape[key] as z.ZodType
      fc.assert(
        fc.property(tricky, (value) => {
          const parsed = (parsers[key as keyof typeof parsers] as (v: unknown) => unknown)(value)
          if (parsed === NO) return
          const byZod = fieldSchema.safeParse(value)
          expect(byZod.success, `${key} = ${JSON.stringify(value)}`).toBe(true)
          expect(parsed).toStrictEqual(byZod.data)
          // Objects are copies, so a later change to the input cannot reach the document.
          if (typeof parsed === 'object' && parsed !== null) expect(parsed).not.toBe(value)
        }),
        { numRuns: 300 },
      )
    }
  })

  it.each(kinds.slice(0, 3))('%s patches: accepted only when zod accepts, with the same fields', (_kind, parsers, schema) => {
    const keys = [...Object.keys(parsers), 'unknown']
    const patch = fc.oneof(fc.dictionary(fc.constantFrom(...keys), tricky, { maxKeys: 4 }), tricky)
    fc.assert(
      fc.property(patch, (input) => {
        const parsed = quickPatch(input, parsers)
        if (parsed === NO) return
        const byZod = schema.partial().safeParse(input)
        expect(byZod.success, JSON.stringify(input)).toBe(true)
        const defined = Object.fromEntries(Object.entries(byZod.data as object).filter(([, value]) => value !== undefined))
        expect(parsed).toStrictEqual(defined)
      }),
      { numRuns: 2000 },
    )
  })

  it('takes the ordinary values itself, so the board does not pay for zod on every read and write', () => {
    expect(quickEntity(stored({ ...sceneDefaults }), quick.scene, { id: 's', order: 'a0' })).toStrictEqual({ ...sceneDefaults, id: 's', order: 'a0' })
    expect(quickEntity(stored({ ...shotDefaults, size: 'MS', cast: ['Ana'], numberLock: { sceneId: 's', letters: 'B' } }), quick.shot, { id: 't' }, numberLockParsers)).toStrictEqual({
      ...shotDefaults,
      size: 'MS',
      cast: ['Ana'],
      id: 't',
      numberLock: { sceneId: 's', letters: 'B' },
    })
    expect(quickEntity(stored({ ...panelDefaults(frameRate), transitionIn: { kind: 'dissolve', durationFrames: 12 } }), quick.panel, { id: 'p' })).not.toBe(NO)
    expect(quickPatch({ durationFrames: 12, dialogue: 'Run!' }, quick.panel)).toStrictEqual({ durationFrames: 12, dialogue: 'Run!' })
  })

  it('leaves out unknown keys of a stored entity and refuses a record with a missing field', () => {
    expect(quickEntity(stored({ ...sceneDefaults, fromNewerClient: 1 }), quick.scene, { id: 's' })).toStrictEqual({ ...sceneDefaults, id: 's' })
    expect(quickEntity(stored({ heading: 'INT.' }), quick.scene, { id: 's' })).toBe(NO)
  })

  it('refuses a nested Yjs type read straight from the entity map, so zod decides on its toJSON() copy', () => {
    const entity = new Y.Doc().getMap<unknown>('panel')
    for (const [key, value] of Object.entries(panelDefaults(frameRate))) entity.set(key, value)
    expect(quickEntity(entity, quick.panel, { id: 'p' })).toStrictEqual({ ...panelDefaults(frameRate), id: 'p' })
    const move = new Y.Map<unknown>()
    entity.set('cameraMove', move)
    move.set('kind', 'static')
    expect(quickEntity(entity, quick.panel, { id: 'p' })).toBe(NO)
    const shot = new Y.Doc().getMap<unknown>('shot')
    for (const [key, value] of Object.entries(shotDefaults)) shot.set(key, value)
    shot.set('cast', Y.Array.from(['Ana']))
    expect(quickEntity(shot, quick.shot, { id: 't' })).toBe(NO)
  })
})

describe('the board with quick parsing', () => {
  it('still validates what the quick parsers leave to zod: a custom camera move is written, a bad one refused', () => {
    const { board } = createReplica('u')
    const panel = board.insertPanel({ shotId: board.insertShot({ sceneId: board.insertScene() }) })
    const frame = { x: 0, y: 0, width: 0.5, height: 0.5 }
    board.updatePanel(panel, { cameraMove: { kind: 'custom', start: frame, end: { ...frame, x: 0.5 } } })
    expect(board.getPanel(panel).cameraMove).toEqual({ kind: 'custom', start: frame, end: { ...frame, x: 0.5 } })
    expect(() => board.updatePanel(panel, { cameraMove: { kind: 'custom', start: frame, end: { ...frame, x: 0.9 } } })).toThrow(/framing must stay inside the frame/)
  })

  it('keeps a field given as undefined at its default when inserting', () => {
    const { board } = createReplica('u')
    const shot = board.insertShot({ sceneId: board.insertScene() })
    const panel = board.insertPanel({ shotId: shot }, { dialogue: undefined, action: 'Door opens' })
    expect(board.getPanel(panel)).toMatchObject({ dialogue: '', action: 'Door opens' })
  })
})
