import type { Outline } from '@/lib/board'
import { toCsv } from '@/lib/markers/csv'
import { exportedColumns, headerOf, type ShotListColumnKey } from './shot-list-columns'
import { CAST_SEPARATOR, shotListRows, type RateLike, type ShotListRow } from './shot-list-rows'

// The shot list as CSV for spreadsheets and scheduling software; shot-list-csv-import.ts reads it back exactly.

function cell(row: ShotListRow, key: ShotListColumnKey): string | number {
  const { shot } = row
  switch (key) {
    case 'scene': return row.sceneNumber
    case 'sceneHeading': return row.sceneHeading
    case 'intExt': return ''
    case 'shot': return row.shotNumber
    case 'size': return shot.size ?? ''
    case 'angle': return shot.angle ?? ''
    case 'movement': return shot.movement ?? ''
    case 'lens': return shot.lens
    case 'equipment': return shot.equipment
    case 'location': return shot.location
    case 'cast': return shot.cast.join(CAST_SEPARATOR)
    case 'description': return shot.description
    case 'setupMinutes': return shot.setupMinutes ?? ''
    case 'status': return shot.status
    case 'duration': return row.duration
  }
}

export function shotListCsv(outline: Outline, rate: RateLike): string {
  const rows = shotListRows(outline, rate)
  return toCsv([exportedColumns.map(headerOf), ...rows.map((row) => exportedColumns.map((key) => cell(row, key)))])
}
