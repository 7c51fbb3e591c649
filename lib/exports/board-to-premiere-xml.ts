// The board as a Final Cut Pro 7 XML sequence (xmeml 5), the interchange Premiere Pro imports: one still clip per
// panel on video track 1, at the project's rate and frame size.
import { renderXmlDocument, type XmlElement } from '@/lib/markers/xml'
import { formatTimecode, nominalFps, parseTimecode, type Rate } from '@/lib/timecode'
import { timelineDurationFrames, type BoardEditClip, type BoardEditTimeline } from './board-edit-timeline'

function rateElement(rate: Rate): XmlElement {
  return {
    name: 'rate',
    children: [
      { name: 'timebase', text: nominalFps(rate) },
      { name: 'ntsc', text: rate.denominator === 1001 ? 'TRUE' : 'FALSE' },
    ],
  }
}

function timecodeElement(frame: number, rate: Rate): XmlElement {
  return {
    name: 'timecode',
    children: [
      rateElement(rate),
      { name: 'string', text: formatTimecode(frame, rate) },
      { name: 'frame', text: frame },
      { name: 'displayformat', text: rate.dropFrame ? 'DF' : 'NDF' },
    ],
  }
}

/**
 * A still clip: source in/out 0…duration of a file as long as the clip (a still has no length of its own, and
 * Premiere takes the file's <duration> as how far it may be extended). Gaps are simply absent: the next clip's
 * <start> leaves the hole, which is how xmeml writes an empty stretch of track.
 */
function clipItem(clip: BoardEditClip & { media: NonNullable<BoardEditClip['media']> }, index: number, start: number, rate: Rate): XmlElement {
  const end = start + clip.durationFrames
  const fileName = clip.media.path.slice(clip.media.path.lastIndexOf('/') + 1)
  return {
    name: 'clipitem',
    attributes: { id: `clipitem-${index}` },
    children: [
      { name: 'name', text: clip.name },
      { name: 'enabled', text: 'TRUE' },
      { name: 'duration', text: clip.durationFrames },
      rateElement(rate),
      { name: 'start', text: start },
      { name: 'end', text: end },
      { name: 'in', text: 0 },
      { name: 'out', text: clip.durationFrames },
      {
        name: 'file',
        attributes: { id: `file-${index}` },
        children: [
          { name: 'name', text: fileName },
          { name: 'pathurl', text: encodeURI(clip.media.path) },
          rateElement(rate),
          { name: 'duration', text: clip.durationFrames },
          {
            name: 'media',
            children: [
              {
                name: 'video',
                children: [
                  {
                    name: 'samplecharacteristics',
                    children: [rateElement(rate), { name: 'width', text: clip.media.width }, { name: 'height', text: clip.media.height }],
                  },
                ],
              },
            ],
          },
        ],
      },
    ],
  }
}

export function boardToPremiereXml(timeline: BoardEditTimeline): string {
  const { rate } = timeline
  const startFrame = parseTimecode(timeline.startTimecode, rate)
  const items: XmlElement[] = []
  let position = 0
  timeline.clips.forEach((clip, i) => {
    if (clip.media) items.push(clipItem({ ...clip, media: clip.media }, i + 1, position, rate))
    position += clip.durationFrames
  })
  const sequence: XmlElement = {
    name: 'sequence',
    attributes: { id: 'sequence-1' },
    children: [
      { name: 'name', text: timeline.name },
      { name: 'duration', text: timelineDurationFrames(timeline) },
      rateElement(rate),
      timecodeElement(startFrame, rate),
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
                    children: [rateElement(rate), { name: 'width', text: timeline.width }, { name: 'height', text: timeline.height }],
                  },
                ],
              },
              { name: 'track', children: [...items, { name: 'enabled', text: 'TRUE' }, { name: 'locked', text: 'FALSE' }] },
            ],
          },
          { name: 'audio', children: [{ name: 'track', children: [{ name: 'enabled', text: 'TRUE' }, { name: 'locked', text: 'FALSE' }] }] },
        ],
      },
    ],
  }
  return renderXmlDocument({ name: 'xmeml', attributes: { version: 5 }, children: [sequence] })
}
