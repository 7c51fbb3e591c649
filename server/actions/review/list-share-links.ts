'use server'
// A review item's share links, without their secrets (editors and owners).
import { reviewItemInput } from '@/lib/schemas/review'
import { listShareLinks } from '@/server/services/review/list-share-links'
import { runAction } from '../run-action'

export async function listShareLinksAction(input: unknown) {
  return runAction(reviewItemInput, input, (data, actor) => listShareLinks({ ...data, actor }))
}
