// The server actions the versions dialog calls, as one interface so the dialog can be rendered without a server.
import type { ActionResult } from '@/server/actions/run-action'
import { createSnapshotAction } from '@/server/actions/boards/create-snapshot'
import { getSnapshotPreviewAction } from '@/server/actions/boards/get-snapshot-preview'
import { listSnapshotsAction } from '@/server/actions/boards/list-snapshots'
import { restoreSnapshotAction } from '@/server/actions/boards/restore-snapshot'
import type { CreateSnapshotInput, RestoreResult, SnapshotPreview, SnapshotRefInput, SnapshotSummary } from '@/lib/schemas/boards'

export interface SnapshotApi {
  create(input: CreateSnapshotInput): Promise<ActionResult<{ snapshotId: string }>>
  list(input: { projectId: string }): Promise<ActionResult<SnapshotSummary[]>>
  preview(input: SnapshotRefInput): Promise<ActionResult<SnapshotPreview>>
  restore(input: SnapshotRefInput): Promise<ActionResult<RestoreResult>>
}

export const snapshotActions: SnapshotApi = {
  create: createSnapshotAction,
  list: listSnapshotsAction,
  preview: getSnapshotPreviewAction,
  restore: restoreSnapshotAction,
}
