import { generateNKeysBetween } from 'fractional-indexing'
import { panelDefaults, type Board, type ShotNumber } from '@/lib/board'
import { labelShots } from '@/lib/board/numbering'
import { boardContextOf } from '@/lib/board/board'
import { insertCopy } from '@/lib/board/entity-writes'
import { AppError } from '@/lib/errors'
import type { ImportedShot, ShotListImportPlan } from './shot-list-csv-import'

// Writes an import plan onto a board as ONE Yjs transaction: collaborators see the whole shot list arrive at once and
// one undo takes it all back. The board's insert operations cannot be nested for this, because its indexes learn of
// new scenes only when a transaction ends (an insertShot into a scene made earlier in the same transaction would not
// find it). The plan is fully validated already, so here every scene, shot and panel is written with fresh order
// keys minted together, through the same low-level write the board's duplicate uses.

export interface AppliedImport {
  sceneIds: string[]
  shots: number
  panels: number
}

export function applyShotListImport(board: Board, plan: ShotListImportPlan): AppliedImport {
  const ctx = boardContextOf(board)
  if (ctx.frameRate.numerator !== plan.rate.numerator || ctx.frameRate.denominator !== plan.rate.denominator) {
    throw new AppError('CONFLICT', { userMessage: "The project's frame rate changed during the import. Try the import again." })
  }
  const existing = board.listScenes()
  const sceneKeys = generateNKeysBetween(existing.at(-1)?.order ?? null, null, plan.scenes.length)
  const applied: AppliedImport = { sceneIds: [], shots: 0, panels: 0 }
  const panelBase = panelDefaults(ctx.frameRate)

  ctx.transact(() => {
    plan.scenes.forEach((scene, sceneIndex) => {
      const sceneId = ctx.newId()
      applied.sceneIds.push(sceneId)
      insertCopy(ctx.maps.scenes, sceneId, { ...scene.fields, order: sceneKeys[sceneIndex]! })
      const numbers = shotNumbers(existing.length + sceneIndex + 1, sceneId, scene.shots)
      const shotKeys = generateNKeysBetween(null, null, scene.shots.length)
      scene.shots.forEach((shot, shotIndex) => {
        const shotId = ctx.newId()
        const fields = { ...shot.fields, number: numbers[shotIndex]!, sceneId, order: shotKeys[shotIndex]!, numberLock: null }
        insertCopy(ctx.maps.shots, shotId, fields)
        applied.shots++
        if (shot.durationFrames === null) return
        const [panelKey] = generateNKeysBetween(null, null, 1)
        insertCopy(ctx.maps.panels, ctx.newId(), { ...panelBase, durationFrames: shot.durationFrames, shotId, order: panelKey! })
        applied.panels++
      })
    })
  })
  return applied
}

/**
 * Automatic where automatic numbering gives the shot the letters it was listed with, custom otherwise. The scene
 * number part is ignored because imported scenes are appended and renumbered ("1C" of the file may be "4C" here);
 * a label that is not automatic letters ("PU1", "4A-alt") is kept as typed. Marking a shot custom can shift the
 * letters of later shots, so this repeats until nothing changes (each pass only adds customs, so it ends).
 */
export function shotNumbers(sceneNumber: number, sceneId: string, shots: readonly ImportedShot[]): ShotNumber[] {
  const autoLetters = shots.map(({ label }) => /^\d*([A-HJ-NP-Z]+)$/.exec(label)?.[1])
  const wanted = shots.map(({ label }, i) => (label === '' ? null : autoLetters[i] ? `${sceneNumber}${autoLetters[i]}` : label))
  const numbers: ShotNumber[] = shots.map(({ label }, i) =>
    label === '' || autoLetters[i] ? { kind: 'auto' } : { kind: 'custom', label },
  )
  for (let changed = true; changed; ) {
    changed = false
    const labels = labelShots(sceneNumber, sceneId, numbers.map((number) => ({ number, numberLock: null })))
    labels.forEach(({ label }, i) => {
      const want = wanted[i]
      if (numbers[i]!.kind === 'auto' && want !== null && label !== want) {
        numbers[i] = { kind: 'custom', label: shots[i]!.label }
        changed = true
      }
    })
  }
  return numbers
}
