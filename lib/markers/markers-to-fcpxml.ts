// Review notes as to-do markers in an FCPXML 1.10 project, for Final Cut Pro (File > Import > XML).
import { frameTimeFraction, parseTimecode, type Rate } from '@/lib/timecode'
import { prepareMarkerExport, type MarkerExportInput, type PreparedMarker } from './marker-export-input'
import { renderXmlDocument, type XmlElement } from './xml'

/** The event the project lands in; one name for every export so imports gather in one place. */
const EVENT_NAME = 'Storyreel review'

/**
 * FCPXML times are rational seconds on frame boundaries: frames × frameDuration, reduced ("1001/30000s", "12/5s",
 * "3600s"). Times are frame counts since 00:00:00:00 — for drop-frame, the real frame count, not the label read as
 * digits — which is how Final Cut derives its timecode display from tcStart.
 */
function fcpxmlTime(frames: number, rate: Rate): string {
  const { numerator, denominator } = frameTimeFraction(frames, rate)
  return denominator === 1 ? `${numerator}s` : `${numerator}/${denominator}s`
}

/**
 * A marker on the gap, in the gap's own time, which starts at tcStart. Every note is a to-do marker: completed="1"
 * once resolved, so Final Cut's timeline index shows what is still open.
 */
function markerElement(marker: PreparedMarker, startFrame: number, rate: Rate): XmlElement {
  return {
    name: 'marker',
    attributes: {
      start: fcpxmlTime(startFrame + marker.frameIn, rate),
      duration: fcpxmlTime(marker.durationFrames, rate),
      value: marker.name,
      completed: marker.resolved ? 1 : 0,
      ...(marker.note ? { note: marker.note } : {}),
    },
  }
}

/**
 * A project whose sequence holds one gap as long as the clip, carrying the notes as markers. Put the cut on the
 * timeline above the gap (or paste the markers onto it) to see notes against picture.
 */
export function markersToFcpxml(input: MarkerExportInput): string {
  const clip = prepareMarkerExport(input)
  const startFrame = parseTimecode(clip.startTimecode, clip.rate)
  const start = fcpxmlTime(startFrame, clip.rate)
  const duration = fcpxmlTime(clip.durationFrames, clip.rate)
  const format: XmlElement = {
    name: 'format',
    attributes: { id: 'r1', frameDuration: fcpxmlTime(1, clip.rate), width: clip.width, height: clip.height },
  }
  const gap: XmlElement = {
    name: 'gap',
    attributes: { name: clip.clipName, offset: start, start, duration },
    children: clip.markers.map((marker) => markerElement(marker, startFrame, clip.rate)),
  }
  const sequence: XmlElement = {
    name: 'sequence',
    attributes: { format: 'r1', duration, tcStart: start, tcFormat: clip.rate.dropFrame ? 'DF' : 'NDF' },
    children: [{ name: 'spine', children: [gap] }],
  }
  const project: XmlElement = { name: 'project', attributes: { name: clip.clipName }, children: [sequence] }
  return renderXmlDocument({
    name: 'fcpxml',
    attributes: { version: '1.10' },
    children: [
      { name: 'resources', children: [format] },
      { name: 'library', children: [{ name: 'event', attributes: { name: EVENT_NAME }, children: [project] }] },
    ],
  })
}
