'use server'
// Lists the board's saved versions, newest first, with author, time and counts (viewers and up).
import { listSnapshotsInput } from '@/lib/schemas/boards'
import { listSnapshots } from '@/server/services/boards/list-snapshots'
import { runAction } from '../run-action'

export async function listSnapshotsAction(input: unknown) {
  return runAction(listSnapshotsInput, input, (data, actor) => listSnapshots({ ...data, actor }))
}
