import type { Outline } from '@/lib/board'
import type { SnapshotPreview } from '@/lib/schemas/boards'

/** What the versions list shows about a board, counted as the outline shows it (orphans left out). */
export function outlineCounts(outline: Outline): { sceneCount: number; shotCount: number; panelCount: number } {
  const shots = outline.scenes.flatMap((scene) => scene.shots)
  return { sceneCount: outline.scenes.length, shotCount: shots.length, panelCount: shots.reduce((sum, shot) => sum + shot.panels.length, 0) }
}

/** The plain, serialisable preview of an outline that the versions dialog renders. */
export function previewOf(snapshot: { id: string; name: string }, outline: Outline): SnapshotPreview {
  return {
    id: snapshot.id,
    name: snapshot.name,
    totalDurationFrames: outline.totalDurationFrames,
    scenes: outline.scenes.map((scene) => ({
      id: scene.scene.id,
      number: scene.number,
      heading: scene.scene.heading,
      shots: scene.shots.map((shot) => ({
        id: shot.shot.id,
        number: shot.number,
        description: shot.shot.description,
        panels: shot.panels.map((entry) => ({
          id: entry.panel.id,
          index: entry.index,
          thumbnailAssetId: entry.panel.thumbnailAssetId,
          durationFrames: entry.panel.durationFrames,
        })),
      })),
    })),
  }
}
