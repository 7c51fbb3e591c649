'use server'
// Restores the board to a saved version as a new change everyone connected receives live (editors and owners).
import { restoreSnapshotInput } from '@/lib/schemas/boards'
import { restoreSnapshot } from '@/server/services/boards/restore-snapshot'
import { runAction } from '../run-action'

export async function restoreSnapshotAction(input: unknown) {
  return runAction(restoreSnapshotInput, input, (data, actor) => restoreSnapshot({ ...data, actor }))
}
