// Review notes as sequence markers in Final Cut Pro 7 XML (xmeml 4), the interchange Premiere Pro imports.
import { formatTimecode, nominalFps, parseTimecode, type Rate } from '@/lib/timecode'
import { prepareMarkerExport, type MarkerExportInput, type PreparedMarker } from './marker-export-input'
import { renderXmlDocument, type XmlElement } from './xml'

/** xmeml names a rate by its whole-number timebase plus an NTSC flag: 29.97 is <timebase>30</timebase><ntsc>TRUE</ntsc>. */
function rateElement(rate: Rate): XmlElement {
  return {
    name: 'rate',
    children: [
      { name: 'timebase', text: nominalFps(rate) },
      { name: 'ntsc', text: rate.denominator === 1001 ? 'TRUE' : 'FALSE' },
    ],
  }
}

/** Sequence markers count frames from the sequence's first frame; an out of -1 marks a one-frame marker. */
function markerElement(marker: PreparedMarker): XmlElement {
  return {
    name: 'marker',
    children: [
      { name: 'comment', text: marker.note },
      { name: 'name', text: marker.name },
      { name: 'in', text: marker.frameIn },
      { name: 'out', text: marker.durationFrames === 1 ? -1 : marker.frameOut },
    ],
  }
}

/**
 * One sequence as long as the clip, with empty tracks (Premiere wants a <media> block to build a sequence) and the
 * notes as its markers. The <timecode> block carries the start label and its frame count since midnight, so
 * Premiere shows the same timecodes as Storyreel; DF sequences write the label with ";".
 */
export function markersToPremiereXml(input: MarkerExportInput): string {
  const clip = prepareMarkerExport(input)
  const emptyTrack: XmlElement = {
    name: 'track',
    children: [
      { name: 'enabled', text: 'TRUE' },
      { name: 'locked', text: 'FALSE' },
    ],
  }
  const startFrame = parseTimecode(clip.startTimecode, clip.rate)
  const sequence: XmlElement = {
    name: 'sequence',
    attributes: { id: 'sequence-1' },
    children: [
      { name: 'name', text: clip.clipName },
      { name: 'duration', text: clip.durationFrames },
      rateElement(clip.rate),
      {
        name: 'timecode',
        children: [
          rateElement(clip.rate),
          { name: 'string', text: formatTimecode(startFrame, clip.rate) },
          { name: 'frame', text: startFrame },
          { name: 'displayformat', text: clip.rate.dropFrame ? 'DF' : 'NDF' },
        ],
      },
      {
        name: 'media',
        children: [
          {
            name: 'video',
            children: [
              {
                name: 'format',
                children: [
                  {
                    name: 'samplecharacteristics',
                    children: [rateElement(clip.rate), { name: 'width', text: clip.width }, { name: 'height', text: clip.height }],
                  },
                ],
              },
              emptyTrack,
            ],
          },
          { name: 'audio', children: [emptyTrack] },
        ],
      },
      ...clip.markers.map(markerElement),
    ],
  }
  return renderXmlDocument({ name: 'xmeml', attributes: { version: 4 }, children: [sequence] })
}
