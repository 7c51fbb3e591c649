'use server'
// Where a version's media processing stands (pending, processing with progress, ready, failed with a reason); viewers and up.
import { versionInput } from '@/lib/schemas/review'
import { getVersionProcessing } from '@/server/services/review/get-version-processing'
import { runAction } from '../run-action'

export async function getVersionProcessingAction(input: unknown) {
  return runAction(versionInput, input, (data, actor) => getVersionProcessing({ ...data, actor }))
}
