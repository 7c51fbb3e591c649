'use server'
// A saved version's outline for a read-only preview (viewers and up).
import { getSnapshotPreviewInput } from '@/lib/schemas/boards'
import { getSnapshotPreview } from '@/server/services/boards/get-snapshot-preview'
import { runAction } from '../run-action'

export async function getSnapshotPreviewAction(input: unknown) {
  return runAction(getSnapshotPreviewInput, input, (data, actor) => getSnapshotPreview({ ...data, actor }))
}
