// Review notes as a spreadsheet: one row per note, for producers and for editors without a marker import.
import { toCsv } from './csv'
import { prepareMarkerExport, type MarkerExportInput } from './marker-export-input'

const header = [
  '#',
  'Timecode In',
  'Timecode Out',
  'Frame In',
  'Frame Out',
  'Duration (frames)',
  'Name',
  'Author',
  'Source',
  'Colour',
  'Note',
  'Status',
]

/**
 * Timecodes are absolute (from the clip's start timecode); frames count from the clip's first frame. Out is
 * exclusive, as in an EDL: a one-frame note at 01:00:02:00 ends at 01:00:02:01. Notes keep their line breaks.
 */
export function markersToCsv(input: MarkerExportInput): string {
  const { markers } = prepareMarkerExport(input)
  const rows = markers.map((marker) => [
    marker.number,
    marker.timecodeIn,
    marker.timecodeOut,
    marker.frameIn,
    marker.frameOut,
    marker.durationFrames,
    marker.name,
    marker.author,
    marker.kind === 'guest' ? 'Guest' : 'Team',
    marker.color,
    marker.note,
    marker.resolved ? 'Resolved' : 'Open',
  ])
  return toCsv([header, ...rows])
}
