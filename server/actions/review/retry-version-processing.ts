'use server'
// Starts processing again for a version whose processing failed (editors and owners).
import { versionInput } from '@/lib/schemas/review'
import { retryVersionProcessing } from '@/server/services/review/retry-version-processing'
import { runAction } from '../run-action'

export async function retryVersionProcessingAction(input: unknown) {
  return runAction(versionInput, input, (data, actor) => retryVersionProcessing({ ...data, actor }))
}
