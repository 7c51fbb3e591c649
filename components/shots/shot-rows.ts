import type { Outline, Shot } from '@/lib/board'

/** One shot as the shot list shows it: the shot plus where it sits and what the board knows about it. */
export interface ShotRow {
  id: string
  shot: Shot
  sceneId: string
  sceneNumber: number
  sceneHeading: string
  /** "2B" or the custom label. */
  number: string
  customNumber: boolean
  /** Position within its scene, for move up/down. */
  indexInScene: number
  shotsInScene: number
  panelsCount: number
  durationFrames: number
}

export function shotRowsOf(outline: Outline): ShotRow[] {
  return outline.scenes.flatMap((scene) =>
    scene.shots.map((entry, indexInScene) => ({
      id: entry.shot.id,
      shot: entry.shot,
      sceneId: scene.scene.id,
      sceneNumber: scene.number,
      sceneHeading: scene.scene.heading,
      number: entry.number,
      customNumber: entry.customNumber,
      indexInScene,
      shotsInScene: scene.shots.length,
      panelsCount: entry.panels.length,
      durationFrames: entry.durationFrames,
    })),
  )
}

/** Everything a text filter should find a shot by. */
export function searchTextOf(row: ShotRow): string {
  const { shot } = row
  return [row.number, row.sceneHeading, shot.size, shot.angle, shot.movement, shot.lens, shot.equipment, shot.description, shot.cast.join(' '), shot.location, shot.status]
    .filter(Boolean)
    .join(' ')
    .toLowerCase()
}

export type GroupBy = 'none' | 'scene' | 'location'

export interface RowGroup<T> {
  key: string
  label: string
  sceneId: string | null
  rows: T[]
}

/** Rows clustered by scene or location, groups in order of first appearance so the current sort still reads top-down. */
export function groupRows<T extends { original: ShotRow }>(rows: T[], by: GroupBy): RowGroup<T>[] {
  if (by === 'none') return [{ key: 'all', label: '', sceneId: null, rows }]
  const groups = new Map<string, RowGroup<T>>()
  for (const row of rows) {
    const { sceneId, sceneNumber, sceneHeading, shot } = row.original
    const key = by === 'scene' ? sceneId : shot.location.trim().toLowerCase()
    const label = by === 'scene' ? `Scene ${sceneNumber}${sceneHeading ? ` · ${sceneHeading}` : ''}` : shot.location.trim() || 'No location'
    const group = groups.get(key) ?? { key, label, sceneId: by === 'scene' ? sceneId : null, rows: [] }
    group.rows.push(row)
    groups.set(key, group)
  }
  return [...groups.values()]
}
