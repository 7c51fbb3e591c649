import { quickParsersFor, quickPatch, NO, type FieldParsers } from './quick-parse'
import { memoByFrameRate, patchSchemasFor, type PanelPatch, type ScenePatch, type ShotPatch } from './schema'
import { parseOrThrow } from './validation'
import type { z } from 'zod'

export interface PatchParsers {
  scene(input: unknown): ScenePatch
  shot(input: unknown): ShotPatch
  panel(input: unknown): PanelPatch
}

/**
 * Validates operation input (insert fields, update patches): the quick parsers take the ordinary case, the zod schema
 * everything else, so a bad patch still gets zod's verdict and a message naming each bad field.
 */
export const patchParsersFor = memoByFrameRate((frameRate): PatchParsers => {
  const quick = quickParsersFor(frameRate)
  const schemas = patchSchemasFor(frameRate)
  const parser =
    <T extends object>(parsers: FieldParsers<T>, schema: z.ZodType<Partial<T>>, what: string) =>
    (input: unknown): Partial<T> => {
      const patch = quickPatch(input, parsers)
      return patch === NO ? parseOrThrow(schema, input, what) : patch
    }
  return {
    scene: parser(quick.scene, schemas.scene, 'scene'),
    shot: parser(quick.shot, schemas.shot, 'shot'),
    panel: parser(quick.panel, schemas.panel, 'panel'),
  }
})
