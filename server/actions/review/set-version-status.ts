'use server'
// Sets a version's status for the team: in review, changes requested, approved (editors and owners).
import { setVersionStatusInput } from '@/lib/schemas/review'
import { setVersionStatus } from '@/server/services/review/set-version-status'
import { runAction } from '../run-action'

export async function setVersionStatusAction(input: unknown) {
  return runAction(setVersionStatusInput, input, (data, actor) => setVersionStatus({ ...data, actor }))
}
