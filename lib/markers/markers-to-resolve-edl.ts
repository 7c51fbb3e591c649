// Review notes as the marker EDL DaVinci Resolve itself writes (Timelines > Import > Timeline Markers from EDL).
import { timecodeForFrame } from '@/lib/timecode'
import { prepareMarkerExport, type MarkerExportInput, type PreparedExport, type PreparedMarker } from './marker-export-input'
import { resolveColorToken } from './marker-colors'
import { oneLine } from './marker-text'

/** One line, and no "|": Resolve splits the marker line on it (|C: colour, |M: name, |D: duration). */
function edlSafe(text: string): string {
  return oneLine(text).replace(/\|/g, '/')
}

/**
 * A note line that starts with a digit can be taken for an event line ("001  001 …") by Resolve's reader, which
 * then drops or misnames the marker; a leading "- " keeps such a note readable and unambiguous.
 */
function noteField(note: string): string {
  return /^\d/.test(note) ? `- ${note}` : note
}

/** Resolve keeps one marker per frame, so notes on the same frame become one event instead of silently losing one. */
function groupByFrame(markers: PreparedMarker[]): PreparedMarker[][] {
  const groups = new Map<number, PreparedMarker[]>()
  for (const marker of markers) groups.set(marker.frameIn, [...(groups.get(marker.frameIn) ?? []), marker])
  return [...groups.values()]
}

function eventFor(group: PreparedMarker[], eventNumber: number, clip: PreparedExport): string {
  const [first] = group as [PreparedMarker, ...PreparedMarker[]]
  const names = [...new Set(group.map((marker) => edlSafe(marker.name)))].join(', ')
  // Merged notes say who wrote each; a lone note is left as written.
  const notes = group
    .map((marker) => ({ author: edlSafe(marker.author), note: edlSafe(marker.note) }))
    .filter(({ note }) => note)
    .map(({ author, note }) => (group.length > 1 ? `${author}: ${note}` : note))
    .join(' / ')
  const duration = Math.max(...group.map((marker) => marker.durationFrames))
  // Resolve writes every marker as a one-frame event and carries the real length in |D:.
  const recordIn = first.timecodeIn
  const recordOut = timecodeForFrame(first.frameIn + 1, clip)
  const number = String(eventNumber).padStart(3, '0')
  const eventLine = `${number}  001      V     C        ${recordIn} ${recordOut} ${recordIn} ${recordOut}`
  const markerLine = `${noteField(notes)} |C:${resolveColorToken(first.color)} |M:${names} |D:${duration}`
  return `${eventLine}\n${markerLine}\n`
}

/**
 * CMX 3600 with Resolve's marker lines. Drop-frame timecodes use ";" before the frames, as Resolve writes them, and
 * "FCM:" says which counting the file uses.
 */
export function markersToResolveEdl(input: MarkerExportInput): string {
  const clip = prepareMarkerExport(input)
  const header = `TITLE: ${edlSafe(clip.clipName)}\nFCM: ${clip.rate.dropFrame ? 'DROP FRAME' : 'NON-DROP FRAME'}\n`
  const events = groupByFrame(clip.markers).map((group, index) => eventFor(group, index + 1, clip))
  return [header, ...events].join('\n')
}
