import { z } from 'zod'

/** The identity the server stamps into every awareness state (`state.user`); clients cannot choose it. */
export const presenceUser = z.object({
  id: z.string().min(1).max(200),
  name: z.string().max(200),
  color: z.string().max(32),
  guest: z.boolean(),
})
export type PresenceUser = z.infer<typeof presenceUser>

export interface Person extends PresenceUser {
  /** How many tabs or windows this person has open on the document. */
  sessions: number
}

/**
 * The people present on a document, seen from one client: everyone with a stamped identity except this client
 * itself, one entry per person however many tabs they have open, sorted by name.
 */
export function peopleFromAwareness(states: ReadonlyMap<number, unknown>, ownClientId: number, ownUserId?: string): Person[] {
  const byId = new Map<string, Person>()
  for (const [clientId, state] of states) {
    if (clientId === ownClientId) continue
    const parsed = presenceUser.safeParse((state as { user?: unknown } | null)?.user)
    if (!parsed.success || parsed.data.id === ownUserId) continue
    const existing = byId.get(parsed.data.id)
    if (existing) existing.sessions += 1
    else byId.set(parsed.data.id, { ...parsed.data, sessions: 1 })
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id))
}
