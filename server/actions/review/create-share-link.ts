'use server'
// Shares a review item with people outside the workspace; the link is shown once (editors and owners).
import { createShareLinkInput } from '@/lib/schemas/review'
import { createShareLink } from '@/server/services/review/create-share-link'
import { runAction } from '../run-action'

export async function createShareLinkAction(input: unknown) {
  return runAction(createShareLinkInput, input, (data, actor) => createShareLink({ ...data, actor }))
}
