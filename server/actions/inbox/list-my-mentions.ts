'use server'
// The signed-in person's @mentions across their workspaces, unread first, with the unread count (any signed-in person).
import { listMyMentionsInput } from '@/lib/schemas/review-inbox'
import { countUnreadMentions, listMyMentions } from '@/server/services/review/list-my-mentions'
import { runAction } from '../run-action'

export async function listMyMentionsAction(input: unknown) {
  return runAction(listMyMentionsInput, input, async (data, actor) => ({
    mentions: await listMyMentions({ ...data, actor }),
    unread: await countUnreadMentions({ actor }),
  }))
}
