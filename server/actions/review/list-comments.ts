'use server'
// Every live comment of a version, team and client (viewers and up).
import { versionInput } from '@/lib/schemas/review'
import { listComments } from '@/server/services/review/list-comments'
import { runAction } from '../run-action'

export async function listCommentsAction(input: unknown) {
  return runAction(versionInput, input, (data, actor) => listComments({ ...data, actor }))
}
