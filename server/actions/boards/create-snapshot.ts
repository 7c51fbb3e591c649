'use server'
// Saves the project's board (and its panel drawings) as a named version (editors and owners).
import { createSnapshotInput } from '@/lib/schemas/boards'
import { createSnapshot } from '@/server/services/boards/create-snapshot'
import { runAction } from '../run-action'

export async function createSnapshotAction(input: unknown) {
  return runAction(createSnapshotInput, input, (data, actor) => createSnapshot({ ...data, actor }))
}
