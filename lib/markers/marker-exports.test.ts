import { describe, expect, it } from 'vitest'
import { formatTimecode, frameIndexForTimecode, parseTimecode, timecodeForFrame } from '@/lib/timecode'
import { prepareMarkerExport, type PreparedExport } from './marker-export-input'
import { markersToAvidText } from './markers-to-avid-text'
import { markersToCsv } from './markers-to-csv'
import { markersToFcpxml } from './markers-to-fcpxml'
import { markersToPremiereXml } from './markers-to-premiere-xml'
import { markersToResolveEdl } from './markers-to-resolve-edl'
import { parseCsv } from './testing/parse-csv'
import { childText, findAll, parseXml } from './testing/parse-xml'
import { reviewFixtures } from './testing/review-fixtures'

// These checks read each export back and compare it with lib/timecode and the input, independently of the golden
// files: a golden regenerated from a wrong exporter still fails here.
const fixtures = Object.entries(reviewFixtures).map(([id, input]) => ({ id, input, prepared: prepareMarkerExport(input) }))

/** Seconds as FCPXML writes them ("1001/30000s", "3600s") → frames at the clip's rate; throws unless frame-aligned. */
function fcpxmlFrames(time: string | undefined, clip: PreparedExport): number {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(time ?? '')
  if (!match) throw new Error(`Not an FCPXML time: ${time}`)
  const [numerator, denominator] = [BigInt(match[1] ?? ''), BigInt(match[2] ?? '1')]
  const scaled = numerator * BigInt(clip.rate.numerator)
  const divisor = denominator * BigInt(clip.rate.denominator)
  if (scaled % divisor !== 0n) throw new Error(`${time} is not on a frame boundary`)
  return Number(scaled / divisor)
}

describe.each(fixtures)('exports at $id agree with lib/timecode', ({ input, prepared }) => {
  const start = parseTimecode(prepared.startTimecode, prepared.rate)

  it('Resolve EDL: one well-formed event per frame with notes, at the timecodes of those frames', () => {
    const edl = markersToResolveEdl(input)
    const lines = edl.split('\n')
    expect(lines[0]).toMatch(/^TITLE: [^|\n]*$/)
    expect(lines[1]).toBe(prepared.rate.dropFrame ? 'FCM: DROP FRAME' : 'FCM: NON-DROP FRAME')
    const events = edl.split('\n\n').slice(1)
    const frames = [...new Set(prepared.markers.map((marker) => marker.frameIn))]
    expect(events).toHaveLength(frames.length)
    events.forEach((event, index) => {
      const frame = frames[index] ?? -1
      const group = prepared.markers.filter((marker) => marker.frameIn === frame)
      const [eventLine, markerLine, ...rest] = event.split('\n')
      expect(rest.filter(Boolean)).toEqual([])
      // Resolve's own layout: a one-frame event (source = record) at the marker's frame.
      const [recordIn, recordOut] = [timecodeForFrame(frame, prepared), timecodeForFrame(frame + 1, prepared)]
      const number = String(index + 1).padStart(3, '0')
      expect(eventLine).toBe(`${number}  001${' '.repeat(6)}V${' '.repeat(5)}C${' '.repeat(8)}${recordIn} ${recordOut} ${recordIn} ${recordOut}`)
      expect(frameIndexForTimecode(recordIn, prepared)).toBe(frame)
      const meta = /^([^|\n]*) \|C:ResolveColor[A-Z][a-z]+ \|M:([^|\n]*) \|D:(\d+)$/.exec(markerLine ?? '')
      if (!meta) throw new Error(`Marker line ${index + 1} is malformed: ${markerLine}`)
      expect(Number(meta[3])).toBe(Math.max(...group.map((marker) => marker.durationFrames)))
    })
  })

  it('Premiere xmeml: well-formed, start timecode and marker frames as in lib/timecode, text intact', () => {
    const root = parseXml(markersToPremiereXml(input))
    expect(root.attributes).toEqual({ version: '4' })
    const [sequence] = findAll(root, 'sequence')
    if (!sequence) throw new Error('no sequence')
    expect(Number(childText(sequence, 'duration'))).toBe(prepared.durationFrames)
    const [timecode] = findAll(sequence, 'timecode')
    if (!timecode) throw new Error('no timecode')
    expect(Number(childText(timecode, 'frame'))).toBe(start)
    expect(childText(timecode, 'string')).toBe(formatTimecode(start, prepared.rate))
    expect(childText(timecode, 'displayformat')).toBe(prepared.rate.dropFrame ? 'DF' : 'NDF')
    const markers = findAll(sequence, 'marker')
    expect(markers.map((marker) => Number(childText(marker, 'in')))).toEqual(prepared.markers.map((marker) => marker.frameIn))
    expect(markers.map((marker) => Number(childText(marker, 'out')))).toEqual(
      prepared.markers.map((marker) => (marker.durationFrames === 1 ? -1 : marker.frameOut)),
    )
    expect(markers.map((marker) => childText(marker, 'comment'))).toEqual(prepared.markers.map((marker) => marker.note))
    expect(markers.map((marker) => childText(marker, 'name'))).toEqual(prepared.markers.map((marker) => marker.name))
  })

  it('FCPXML: well-formed, frame-aligned times that land on the same timecodes, text intact', () => {
    const root = parseXml(markersToFcpxml(input))
    expect(root.attributes).toEqual({ version: '1.10' })
    const [format] = findAll(root, 'format')
    expect(fcpxmlFrames(format?.attributes.frameDuration, prepared)).toBe(1)
    const [sequence] = findAll(root, 'sequence')
    expect(sequence?.attributes.tcFormat).toBe(prepared.rate.dropFrame ? 'DF' : 'NDF')
    expect(fcpxmlFrames(sequence?.attributes.tcStart, prepared)).toBe(start)
    expect(fcpxmlFrames(sequence?.attributes.duration, prepared)).toBe(prepared.durationFrames)
    const [gap] = findAll(root, 'gap')
    expect(fcpxmlFrames(gap?.attributes.offset, prepared)).toBe(start)
    expect(fcpxmlFrames(gap?.attributes.start, prepared)).toBe(start)
    const markers = findAll(root, 'marker')
    expect(markers).toHaveLength(prepared.markers.length)
    markers.forEach((marker, index) => {
      const expected = prepared.markers[index]
      if (!expected) throw new Error('more markers than notes')
      const frameIn = fcpxmlFrames(marker.attributes.start, prepared) - start
      expect(frameIn).toBe(expected.frameIn)
      expect(timecodeForFrame(frameIn, prepared)).toBe(expected.timecodeIn)
      expect(fcpxmlFrames(marker.attributes.duration, prepared)).toBe(expected.durationFrames)
      expect(marker.attributes.value).toBe(expected.name)
      expect(marker.attributes.note ?? '').toBe(expected.note)
      expect(marker.attributes.completed).toBe(expected.resolved ? '1' : '0')
    })
  })

  it('Avid text: six tab-separated fields a line, at the timecodes of the notes', () => {
    const lines = markersToAvidText(input).split('\n')
    expect(lines.pop()).toBe('')
    expect(lines).toHaveLength(prepared.markers.length)
    lines.forEach((line, index) => {
      const fields = line.split('\t')
      expect(fields).toHaveLength(6)
      expect(fields[1]).toBe(prepared.markers[index]?.timecodeIn)
      expect(frameIndexForTimecode(fields[1] ?? '', prepared)).toBe(prepared.markers[index]?.frameIn)
      expect(fields[2]).toBe('V1')
      expect(fields[3]).toMatch(/^(red|green|blue|cyan|magenta|yellow|black|white)$/)
      expect(Number(fields[5])).toBe(prepared.markers[index]?.durationFrames)
    })
  })

  it('CSV: strict RFC 4180, timecodes matching frames, notes intact apart from the formula guard', () => {
    const csv = markersToCsv(input)
    expect(csv.startsWith('\uFEFF')).toBe(true)
    const [header, ...rows] = parseCsv(csv.slice(1))
    expect(header).toHaveLength(12)
    expect(rows).toHaveLength(prepared.markers.length)
    rows.forEach((row, index) => {
      const [, timecodeIn, timecodeOut, frameIn, frameOut, duration, , , , , note] = row
      expect(timecodeIn).toBe(timecodeForFrame(Number(frameIn), prepared))
      expect(timecodeOut).toBe(timecodeForFrame(Number(frameOut), prepared))
      expect(Number(frameOut) - Number(frameIn)).toBe(Number(duration))
      const expectedNote = prepared.markers[index]?.note ?? ''
      expect(note).toBe(/^[=+\-@]/.test(expectedNote) ? `'${expectedNote}` : expectedNote)
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
    })
  })
})
