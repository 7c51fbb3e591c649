import { z } from 'zod'
import { idField, nameField } from './common'

// Board versions (snapshots): action inputs, and the plain shapes the versions UI receives.

export const createSnapshotInput = z.strictObject({
  projectId: idField('Project'),
  name: nameField('Version name'),
})
export type CreateSnapshotInput = z.infer<typeof createSnapshotInput>

export const listSnapshotsInput = z.strictObject({ projectId: idField('Project') })
export type ListSnapshotsInput = z.infer<typeof listSnapshotsInput>

export const snapshotRefInput = z.strictObject({ projectId: idField('Project'), snapshotId: idField('Version') })
export type SnapshotRefInput = z.infer<typeof snapshotRefInput>

export const getSnapshotPreviewInput = snapshotRefInput
export const restoreSnapshotInput = snapshotRefInput

/** One saved version in the list. */
export interface SnapshotSummary {
  id: string
  name: string
  authorName: string | null
  createdAt: string
  sceneCount: number
  shotCount: number
  panelCount: number
  bytes: number
}

/** A saved version's outline, for a read-only preview: scenes → shots → panel thumbnails. */
export interface SnapshotPreview {
  id: string
  name: string
  totalDurationFrames: number
  scenes: {
    id: string
    number: number
    heading: string
    shots: { id: string; number: string; description: string; panels: { id: string; index: number; thumbnailAssetId: string | null; durationFrames: number }[] }[]
  }[]
}

/** What a restore changed, so the UI can say it. */
export interface RestoreResult {
  snapshotId: string
  name: string
  /** Panel drawings written back (those that differed from the version). */
  drawingsRestored: number
}
