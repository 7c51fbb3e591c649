import type { NumberLock, ShotNumber } from './schema'

// Shot numbering follows the shot-list convention used on set: scenes are numbered 1, 2, 3 in board order; the shots
// of scene N are lettered NA, NB, NC … skipping I and O (on a slate they read as 1 and 0), and after NZ come NAA, NAB …
// A custom label typed by the user ("4A-alt", "PU1") always wins and never consumes a letter.
//
// Letters are live until renumber() locks them. Once a shot list has been printed, quoted in a review comment or
// written on a slate, inserting a shot must not shift everyone's letters: a locked shot keeps its letters and a shot
// added later takes the next letter after the highest one locked in its scene. renumber() re-letters in order again.
// A lock names its scene, so a shot moved elsewhere simply becomes unlocked there. If a lock is claimed twice in a
// scene (two renumbers on replicas that had diverged), the shot earlier in board order keeps it and the other one is
// lettered like a new shot. Every rule reads only converged state, so all replicas show the same numbers.

const LETTERS = 'ABCDEFGHJKLMNPQRSTUVWXYZ'
const BASE = LETTERS.length

/** 0 → A, 23 → Z, 24 → AA, 25 → AB … (bijective base 24, so there is no "zero" letter). */
export function lettersFor(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    n -= 1
    letters = LETTERS[n % BASE] + letters
    n = Math.floor(n / BASE)
  }
  return letters
}

/** The inverse of lettersFor; -1 for anything that is not a run of shot letters. */
export function letterIndex(letters: string): number {
  if (letters.length === 0) return -1
  let n = 0
  for (const char of letters) {
    const digit = LETTERS.indexOf(char)
    if (digit < 0) return -1
    n = n * BASE + digit + 1
  }
  return n - 1
}

export interface NumberableShot {
  readonly number: ShotNumber
  readonly numberLock: NumberLock | null
}

export interface ShotLabel {
  /** What the UI shows: "2C", or the custom label. */
  label: string
  /** The automatic letters (without the scene number), or null for a custom label. */
  letters: string | null
}

/**
 * Labels for the shots of one scene, given in board order. With `honourLocks` false the result is the fresh,
 * in-order lettering that renumber() locks in.
 */
export function labelShots(sceneNumber: number, sceneId: string, shots: readonly NumberableShot[], honourLocks = true): ShotLabel[] {
  const prefix = String(sceneNumber)
  const customLabels = new Set<string>()
  for (const shot of shots) if (shot.number.kind === 'custom') customLabels.add(shot.number.label)

  const labels: Array<ShotLabel | undefined> = shots.map((shot) =>
    shot.number.kind === 'custom' ? { label: shot.number.label, letters: null } : undefined,
  )
  const claimed = new Set<string>()
  let highest = -1
  if (honourLocks) {
    shots.forEach((shot, i) => {
      const lock = shot.numberLock
      if (labels[i] || !lock || lock.sceneId !== sceneId || claimed.has(lock.letters)) return
      const index = letterIndex(lock.letters)
      if (index < 0 || customLabels.has(prefix + lock.letters)) return
      claimed.add(lock.letters)
      highest = Math.max(highest, index)
      labels[i] = { label: prefix + lock.letters, letters: lock.letters }
    })
  }

  let next = highest + 1
  return labels.map((existing) => {
    if (existing) return existing
    let letters = lettersFor(next++)
    // Skip letters a custom label already spells, so no two shots of a scene ever show the same number.
    while (claimed.has(letters) || customLabels.has(prefix + letters)) letters = lettersFor(next++)
    return { label: prefix + letters, letters }
  })
}
