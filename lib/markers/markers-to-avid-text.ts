// Review notes as the tab-separated marker list Media Composer's Markers window imports (and exports).
import { avidColor } from './marker-colors'
import { prepareMarkerExport, type MarkerExportInput, type PreparedMarker } from './marker-export-input'
import { oneLine } from './marker-text'

/** Tabs separate the columns and each marker is one line, so neither may appear inside a field. */
function field(text: string): string {
  return oneLine(text)
}

/** Avid has no separate marker title; a given name leads the comment so it is not lost. */
function comment(marker: PreparedMarker): string {
  const note = field(marker.note)
  if (!marker.named) return note
  return note ? `${field(marker.name)}: ${note}` : field(marker.name)
}

/**
 * One line per note: user, timecode, track (V1), colour, comment, duration in frames. Timecodes are absolute, with
 * ";" before the frames for drop-frame. Lines end in LF; the file ends with one.
 */
export function markersToAvidText(input: MarkerExportInput): string {
  const { markers } = prepareMarkerExport(input)
  return markers
    .map((marker) =>
      [field(marker.author), marker.timecodeIn, 'V1', avidColor(marker.color), comment(marker), marker.durationFrames].join('\t'),
    )
    .map((line) => `${line}\n`)
    .join('')
}
