// The board-to-editing-software download: the XML for Premiere (xmeml) or Final Cut (FCPXML) with every panel's
// full-resolution image beside it in media/, zipped so the relative paths in the XML resolve once it is unpacked.
import { strToU8, zipSync, type Zippable } from 'fflate'
import type { Outline } from '@/lib/board'
import type { Rate } from '@/lib/timecode'
import type { BoardEditFormat } from './board-edit-format'
import { boardEditPanels, type BoardEditClip, type BoardEditTimeline } from './board-edit-timeline'
import { boardToFcpxml } from './board-to-fcpxml'
import { boardToPremiereXml } from './board-to-premiere-xml'
import type { ImageLoader } from './pdf-resources'
import { stillImageInfo } from './still-image-info'

const xmlFileName: Record<BoardEditFormat, string> = { xmeml: 'storyboard-premiere.xml', fcpxml: 'storyboard-final-cut.fcpxml' }

export interface BoardEditPackageInput {
  outline: Outline
  format: BoardEditFormat
  name: string
  rate: Rate
  width: number
  height: number
  startTimecode: string
  loadImage: ImageLoader
}

export interface BoardEditPackage {
  zip: Uint8Array
  timeline: BoardEditTimeline
  /** Panels written as gaps because they have no picture (or it could not be read). */
  gaps: number
}

export async function boardEditPackage(input: BoardEditPackageInput): Promise<BoardEditPackage> {
  const files: Zippable = {}
  const clips: BoardEditClip[] = []
  const loaded = new Map<string, Promise<Uint8Array | null>>()
  for (const panel of boardEditPanels(input.outline)) {
    const clip: BoardEditClip = { panelId: panel.panelId, name: panel.name, durationFrames: panel.durationFrames, media: null }
    if (panel.imageAssetId) {
      // Panels sharing one image load it once, but each gets its own file so the media bin mirrors the board.
      const request = loaded.get(panel.imageAssetId) ?? input.loadImage(panel.imageAssetId)
      loaded.set(panel.imageAssetId, request)
      const bytes = await request
      const info = bytes ? stillImageInfo(bytes) : null
      if (bytes && info) {
        const path = `media/${panel.fileStem}.${info.extension}`
        // Already-compressed pictures are stored, not deflated again: same size, far less CPU.
        files[path] = [bytes, { level: 0 }]
        clip.media = { path, width: info.width, height: info.height }
      }
    }
    clips.push(clip)
  }
  const timeline: BoardEditTimeline = { name: input.name, rate: input.rate, width: input.width, height: input.height, startTimecode: input.startTimecode, clips }
  const xml = input.format === 'xmeml' ? boardToPremiereXml(timeline) : boardToFcpxml(timeline)
  files[xmlFileName[input.format]] = strToU8(xml)
  return { zip: zipSync(files), timeline, gaps: clips.filter((clip) => !clip.media).length }
}
