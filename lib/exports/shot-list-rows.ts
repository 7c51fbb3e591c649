import type { Outline, Shot } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'

// One flat row per shot, in outline order: what the shot list CSV and PDF both print, so they can never disagree.

export interface RateLike {
  numerator: number
  denominator: number
}

export interface ShotListRow {
  sceneNumber: number
  sceneHeading: string
  /** "2D" or the custom label. */
  shotNumber: string
  shot: Shot
  panelCount: number
  durationFrames: number
  /** formatDuration of durationFrames at the project rate: "2s 12f". */
  duration: string
}

export function shotListRows(outline: Outline, rate: RateLike): ShotListRow[] {
  return outline.scenes.flatMap((scene) =>
    scene.shots.map((entry) => ({
      sceneNumber: scene.number,
      sceneHeading: scene.scene.heading,
      shotNumber: entry.number,
      shot: entry.shot,
      panelCount: entry.panels.length,
      durationFrames: entry.durationFrames,
      duration: formatDuration(entry.durationFrames, rate),
    })),
  )
}

/**
 * Cast names are joined with "; " rather than commas because a name can hold a comma ("Smith, Jr."); the importer
 * splits on semicolons. (A name containing a semicolon is the one thing that does not round-trip.)
 */
export const CAST_SEPARATOR = '; '
