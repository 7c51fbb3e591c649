import type { Outline } from '@/lib/board'
import type { Rate } from '@/lib/timecode'

// The board as an editor's timeline: one clip per panel that is on screen (durationFrames > 0), back to back in
// outline order, each named the way editors label storyboard clips ("Sc 1 · 1A · p1"). Zero-length panels are left
// out because neither Premiere nor Final Cut can hold a clip without frames.

export interface StillMedia {
  /** Path inside the zip, relative to the XML file: "media/0001-sc1-1A-p1.png". */
  path: string
  width: number
  height: number
}

export interface BoardEditClip {
  panelId: string
  name: string
  durationFrames: number
  /** The panel's full-resolution image, or null: the clip is written as a named gap of the same length. */
  media: StillMedia | null
}

export interface BoardEditTimeline {
  name: string
  rate: Rate
  width: number
  height: number
  /** The sequence's first frame, e.g. the project's "01:00:00:00". */
  startTimecode: string
  clips: BoardEditClip[]
}

export interface BoardEditPanel {
  panelId: string
  name: string
  durationFrames: number
  imageAssetId: string | null
  /** A file-system-safe stem for the panel's image in the zip. */
  fileStem: string
}

export function boardClipName(sceneNumber: number, shotNumber: string, panelIndex: number): string {
  return `Sc ${sceneNumber} · ${shotNumber} · p${panelIndex}`
}

/** The panels that become clips, in order, with the asset each clip's picture comes from. */
export function boardEditPanels(outline: Outline): BoardEditPanel[] {
  const panels: BoardEditPanel[] = []
  for (const scene of outline.scenes) {
    for (const shot of scene.shots) {
      for (const panel of shot.panels) {
        if (panel.panel.durationFrames <= 0) continue
        const position = String(panels.length + 1).padStart(4, '0')
        // Custom shot labels can hold anything; editors' media browsers and zip tools want plain names.
        const shotPart = shot.number.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'shot'
        panels.push({
          panelId: panel.panel.id,
          name: boardClipName(scene.number, shot.number, panel.index),
          durationFrames: panel.panel.durationFrames,
          imageAssetId: panel.panel.imageAssetId,
          fileStem: `${position}-sc${scene.number}-${shotPart}-p${panel.index}`,
        })
      }
    }
  }
  return panels
}

export function timelineDurationFrames(timeline: Pick<BoardEditTimeline, 'clips'>): number {
  return timeline.clips.reduce((sum, clip) => sum + clip.durationFrames, 0)
}
