// The board as an FCPXML 1.10 project for Final Cut Pro: one <video> per panel referencing its still, or a named
// <gap> for a panel without a picture, on the primary storyline at the project's rate and frame size.
import { renderXmlDocument, type XmlElement } from '@/lib/markers/xml'
import { frameTimeFraction, parseTimecode, type Rate } from '@/lib/timecode'
import { timelineDurationFrames, type BoardEditTimeline } from './board-edit-timeline'

const EVENT_NAME = 'Storyreel boards'

/** Rational seconds on frame boundaries, reduced: 1001/30000s, 5/2s, 3600s. */
function fcpxmlTime(frames: number, rate: Rate): string {
  const { numerator, denominator } = frameTimeFraction(frames, rate)
  return denominator === 1 ? `${numerator}s` : `${numerator}/${denominator}s`
}

/** Media paths are relative URLs from the .fcpxml file; spaces and the like must be percent-encoded. */
function relativeUrl(path: string): string {
  return `./${path.split('/').map(encodeURIComponent).join('/')}`
}

export function boardToFcpxml(timeline: BoardEditTimeline): string {
  const { rate } = timeline
  const resources: XmlElement[] = [
    { name: 'format', attributes: { id: 'r1', frameDuration: fcpxmlTime(1, rate), width: timeline.width, height: timeline.height } },
  ]
  // Stills are timeless: their format has no frameDuration, one per distinct picture size.
  const stillFormats = new Map<string, string>()
  const assetIds = new Map<number, string>()
  let nextId = 2
  timeline.clips.forEach((clip, i) => {
    if (!clip.media) return
    const size = `${clip.media.width}x${clip.media.height}`
    let formatId = stillFormats.get(size)
    if (!formatId) {
      formatId = `r${nextId++}`
      stillFormats.set(size, formatId)
      resources.push({ name: 'format', attributes: { id: formatId, name: 'FFVideoFormatRateUndefined', width: clip.media.width, height: clip.media.height } })
    }
    const assetId = `r${nextId++}`
    assetIds.set(i, assetId)
    const fileName = clip.media.path.slice(clip.media.path.lastIndexOf('/') + 1)
    resources.push({
      name: 'asset',
      attributes: { id: assetId, name: fileName, start: '0s', duration: '0s', hasVideo: 1, format: formatId, videoSources: 1 },
      children: [{ name: 'media-rep', attributes: { kind: 'original-media', src: relativeUrl(clip.media.path) } }],
    })
  })

  // Storyline times run from tcStart, so the first clip's offset is the sequence's start timecode.
  const startFrame = parseTimecode(timeline.startTimecode, rate)
  let position = startFrame
  const spine: XmlElement[] = timeline.clips.map((clip, i) => {
    const attributes = { name: clip.name, offset: fcpxmlTime(position, rate), duration: fcpxmlTime(clip.durationFrames, rate) }
    position += clip.durationFrames
    const ref = assetIds.get(i)
    return ref ? { name: 'video', attributes: { ref, ...attributes, start: '0s' } } : { name: 'gap', attributes: { ...attributes, start: '0s' } }
  })
  const sequence: XmlElement = {
    name: 'sequence',
    attributes: {
      format: 'r1',
      duration: fcpxmlTime(timelineDurationFrames(timeline), rate),
      tcStart: fcpxmlTime(startFrame, rate),
      tcFormat: rate.dropFrame ? 'DF' : 'NDF',
    },
    children: [{ name: 'spine', children: spine }],
  }
  return renderXmlDocument({
    name: 'fcpxml',
    attributes: { version: '1.10' },
    children: [
      { name: 'resources', children: resources },
      { name: 'library', children: [{ name: 'event', attributes: { name: EVENT_NAME }, children: [{ name: 'project', attributes: { name: timeline.name }, children: [sequence] }] }] },
    ],
  })
}
