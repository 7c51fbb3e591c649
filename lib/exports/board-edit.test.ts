import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { unzipSync, strFromU8 } from 'fflate'
import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { childText, findAll, parseXml } from '@/lib/markers/testing/parse-xml'
import { frameTimeFraction, parseTimecode, type Rate } from '@/lib/timecode'
import { boardEditZipStream, type BoardEditPackageInput } from './board-edit-package'
import { boardEditPanels, timelineDurationFrames, type BoardEditTimeline } from './board-edit-timeline'
import { boardToFcpxml } from './board-to-fcpxml'
import { boardToPremiereXml } from './board-to-premiere-xml'
import { stillImageInfo } from './still-image-info'
import { emptyBoard, sampleBoard } from './test-board'

// Golden files are the reviewed output of both writers at 23.976, 25 and 29.97 DF; regenerate with UPDATE_GOLDEN=1
// only after reading the diff.
const goldenDirectory = fileURLToPath(new URL('./__golden__/', import.meta.url))
const update = process.env.UPDATE_GOLDEN === '1'

function timelineAt(rate: Rate, startTimecode: string): BoardEditTimeline {
  return {
    name: 'Night Shift — “Fog” & <rain>',
    rate,
    width: 1920,
    height: 1080,
    startTimecode,
    clips: [
      { panelId: 'p1', name: 'Sc 1 · 1A · p1', durationFrames: 48, media: { path: 'media/0001-sc1-1A-p1.png', width: 1920, height: 1080 } },
      { panelId: 'p2', name: 'Sc 1 · 1A · p2', durationFrames: 1, media: { path: 'media/0002-sc1-1A-p2.jpg', width: 1280, height: 720 } },
      // No picture: a named gap that keeps the timing.
      { panelId: 'p3', name: 'Sc 1 · PU1 · p1', durationFrames: 30, media: null },
      { panelId: 'p4', name: 'Sc 2 · 2A · p1', durationFrames: 1800, media: { path: 'media/0004-sc2-2A-p1.png', width: 1920, height: 1080 } },
    ],
  }
}

const fixtures = {
  '23.976': timelineAt(frameRateById('23.976'), '01:00:00:00'),
  '25': timelineAt(frameRateById('25'), '00:59:58:00'),
  '29.97df': timelineAt(frameRateById('29.97DF'), '01:00:00;00'),
}

const writers = [
  { id: 'premiere.xml', render: boardToPremiereXml },
  { id: 'final-cut.fcpxml', render: boardToFcpxml },
] as const

describe('board → editing software matches the golden files byte for byte', () => {
  const cases = Object.entries(fixtures).flatMap(([rate, timeline]) => writers.map((writer) => ({ rate, timeline, writer })))
  it.each(cases)('$rate $writer.id', ({ rate, timeline, writer }) => {
    const path = `${goldenDirectory}${rate}.board.${writer.id}`
    const output = writer.render(timeline)
    if (update) writeFileSync(path, output)
    expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true)
    expect(output).toBe(readFileSync(path, 'utf8'))
  })
})

/** "1001/30000s" → seconds as a fraction, compared exactly by cross-multiplying. */
function fraction(time: string): { n: number; d: number } {
  const match = /^(\d+)(?:\/(\d+))?s$/.exec(time)
  if (!match) throw new Error(`not an FCPXML time: ${time}`)
  return { n: Number(match[1]), d: Number(match[2] ?? 1) }
}
const framesOf = (time: string, rate: Rate) => {
  const { n, d } = fraction(time)
  const frames = (n * rate.numerator) / (d * rate.denominator)
  expect(Number.isInteger(frames), `${time} is not on a frame boundary`).toBe(true)
  return frames
}

describe('FCPXML structure', () => {
  it.each(Object.entries(fixtures))('%s: clips abut, the sequence lasts the sum of the panels, gaps stay gaps', (_, timeline) => {
    const root = parseXml(boardToFcpxml(timeline))
    const sequence = findAll(root, 'sequence')[0]!
    const format = findAll(root, 'format').find((f) => f.attributes.id === sequence.attributes.format)!
    const { numerator, denominator } = frameTimeFraction(1, timeline.rate)
    expect(format.attributes.frameDuration).toBe(`${numerator}/${denominator}s`)
    expect([format.attributes.width, format.attributes.height]).toEqual(['1920', '1080'])
    expect(framesOf(sequence.attributes.duration!, timeline.rate)).toBe(timelineDurationFrames(timeline))
    expect(sequence.attributes.tcFormat).toBe(timeline.rate.dropFrame ? 'DF' : 'NDF')

    const spine = findAll(root, 'spine')[0]!.children
    expect(spine.map((item) => item.name)).toEqual(['video', 'video', 'gap', 'video'])
    expect(spine.map((item) => item.attributes.name)).toEqual(timeline.clips.map((clip) => clip.name))
    let expected = parseTimecode(timeline.startTimecode, timeline.rate)
    for (const [i, item] of spine.entries()) {
      expect(framesOf(item.attributes.offset!, timeline.rate)).toBe(expected)
      expect(framesOf(item.attributes.duration!, timeline.rate)).toBe(timeline.clips[i]!.durationFrames)
      expected += timeline.clips[i]!.durationFrames
    }
    const assets = findAll(root, 'asset')
    expect(spine.filter((item) => item.name === 'video').map((item) => assets.find((a) => a.attributes.id === item.attributes.ref)?.children[0]?.attributes.src)).toEqual([
      './media/0001-sc1-1A-p1.png',
      './media/0002-sc1-1A-p2.jpg',
      './media/0004-sc2-2A-p1.png',
    ])
  })

  it('29.97 DF writes 1001/30000s frames, 23.976 writes 1001/24000s', () => {
    expect(boardToFcpxml(fixtures['29.97df'])).toContain('frameDuration="1001/30000s"')
    expect(boardToFcpxml(fixtures['23.976'])).toContain('frameDuration="1001/24000s"')
    expect(boardToFcpxml(fixtures['25'])).toContain('frameDuration="1/25s"')
  })
})

describe('xmeml structure', () => {
  it.each(Object.entries(fixtures))('%s: clip items start where the previous panel ended and the gap leaves a hole', (_, timeline) => {
    const root = parseXml(boardToPremiereXml(timeline))
    expect(root.attributes.version).toBe('5')
    const sequence = findAll(root, 'sequence')[0]!
    expect(Number(childText(sequence, 'duration'))).toBe(timelineDurationFrames(timeline))
    const rate = sequence.children.find((child) => child.name === 'rate')!
    expect(childText(rate, 'ntsc')).toBe(timeline.rate.denominator === 1001 ? 'TRUE' : 'FALSE')
    const items = findAll(root, 'clipitem')
    expect(items.map((item) => childText(item, 'name'))).toEqual(['Sc 1 · 1A · p1', 'Sc 1 · 1A · p2', 'Sc 2 · 2A · p1'])
    expect(items.map((item) => [Number(childText(item, 'start')), Number(childText(item, 'end'))])).toEqual([
      [0, 48],
      [48, 49],
      [79, 1879],
    ])
    expect(findAll(root, 'pathurl').map((node) => node.text)).toEqual(['media/0001-sc1-1A-p1.png', 'media/0002-sc1-1A-p2.jpg', 'media/0004-sc2-2A-p1.png'])
  })
})

const png = (width: number, height: number) => {
  const bytes = new Uint8Array(33)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52])
  new DataView(bytes.buffer).setUint32(16, width)
  new DataView(bytes.buffer).setUint32(20, height)
  return bytes
}

describe('stillImageInfo', () => {
  it('reads PNG and JPEG sizes and refuses anything else', () => {
    expect(stillImageInfo(png(1920, 1080))).toEqual({ extension: 'png', width: 1920, height: 1080 })
    // SOI, an APP0 segment of 16 bytes, then SOF2 (progressive) with height 720 and width 1280.
    const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16, ...new Array(14).fill(0), 0xff, 0xc2, 0, 17, 8, 0x02, 0xd0, 0x05, 0x00, 3, 0, 0, 0])
    expect(stillImageInfo(jpeg)).toEqual({ extension: 'jpg', width: 1280, height: 720 })
    expect(stillImageInfo(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull()
    expect(stillImageInfo(new Uint8Array())).toBeNull()
  })
})

/** Reads the whole stream, as a browser would, and returns the zip's bytes and the timeline the XML describes. */
async function boardEditPackage(input: BoardEditPackageInput) {
  let timeline: BoardEditTimeline | null = null
  const zip = new Uint8Array(await new Response(boardEditZipStream({ ...input, onTimeline: (written) => (timeline = written) })).arrayBuffer())
  if (!timeline) throw new Error('the stream ended without writing the XML')
  const written: BoardEditTimeline = timeline
  return { zip, timeline: written, gaps: written.clips.filter((clip) => !clip.media).length }
}

describe('boardEditZipStream', () => {
  it('zips the XML with one image per panel that has one, names clips by scene · shot · panel, and gaps the rest', async () => {
    const board = sampleBoard()
    const panels = board.outline().scenes.flatMap((scene) => scene.shots.flatMap((shot) => shot.panels))
    board.updatePanel(panels[0]!.panel.id, { imageAssetId: 'asset-a' })
    board.updatePanel(panels[1]!.panel.id, { imageAssetId: 'asset-missing' })
    board.updatePanel(panels[3]!.panel.id, { imageAssetId: 'asset-a' })
    const loads: string[] = []
    const result = await boardEditPackage({
      outline: board.outline(),
      format: 'fcpxml',
      name: 'Night Shift',
      rate: { numerator: 24, denominator: 1, dropFrame: false },
      width: 1920,
      height: 1080,
      startTimecode: '01:00:00:00',
      loadImage: async (id) => {
        loads.push(id)
        return id === 'asset-a' ? png(1920, 1080) : null
      },
    })
    // One read per panel, never the whole board at once; the shared image is read for each panel that shows it.
    expect(loads).toEqual(['asset-a', 'asset-missing', 'asset-a'])
    expect(result.timeline.clips.map((clip) => clip.name)).toEqual(['Sc 1 · 1A · p1', 'Sc 1 · 1A · p2', 'Sc 1 · PU1 · p1', 'Sc 2 · 2A · p1'])
    expect(timelineDurationFrames(result.timeline)).toBe(board.outline().totalDurationFrames)
    expect(result.gaps).toBe(2)
    const files = unzipSync(result.zip)
    expect(Object.keys(files).sort()).toEqual(['media/0001-sc1-1A-p1.png', 'media/0004-sc2-2A-p1.png', 'storyboard-final-cut.fcpxml'])
    expect(files['media/0004-sc2-2A-p1.png']).toEqual(png(1920, 1080))
    const xml = strFromU8(files['storyboard-final-cut.fcpxml']!)
    expect(findAll(parseXml(xml), 'gap').map((gap) => gap.attributes.name)).toEqual(['Sc 1 · 1A · p2', 'Sc 1 · PU1 · p1'])
  })

  it('reads pictures only as fast as the download is read, so a long board never sits in memory', async () => {
    const { board } = emptyBoard()
    const shot = board.insertShot({ sceneId: board.insertScene({}, {}) }, {})
    for (let i = 0; i < 20; i++) board.insertPanel({ shotId: shot }, { durationFrames: 24, imageAssetId: `asset-${i}` })
    const loads: string[] = []
    const stream = boardEditZipStream({
      outline: board.outline(),
      format: 'xmeml',
      name: 'Long',
      rate: { numerator: 24, denominator: 1, dropFrame: false },
      width: 1920,
      height: 1080,
      startTimecode: '00:00:00:00',
      loadImage: async (id) => {
        loads.push(id)
        return png(1920, 1080)
      },
    })
    const reader = stream.getReader()
    await reader.read()
    expect(loads.length).toBeLessThanOrEqual(2)
    await reader.cancel()
  })

  it('leaves zero-length panels out and writes an empty board as an empty sequence', async () => {
    const { board } = emptyBoard()
    const shot = board.insertShot({ sceneId: board.insertScene({}, {}) }, {})
    board.insertPanel({ shotId: shot }, { durationFrames: 0 })
    expect(boardEditPanels(board.outline())).toEqual([])
    const result = await boardEditPackage({
      outline: board.outline(),
      format: 'xmeml',
      name: 'Empty',
      rate: { numerator: 25, denominator: 1, dropFrame: false },
      width: 1280,
      height: 720,
      startTimecode: '00:00:00:00',
      loadImage: async () => null,
    })
    const xml = strFromU8(unzipSync(result.zip)['storyboard-premiere.xml']!)
    expect(childText(findAll(parseXml(xml), 'sequence')[0]!, 'duration')).toBe('0')
  })
})
