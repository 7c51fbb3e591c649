import { and, eq } from 'drizzle-orm'
import { getDb } from '@/db'
import { guests } from '@/db/schema'
import { AppError } from '@/lib/errors'
import type { GuestSession } from '@/server/auth/guest-session'
import { guestAccessFromSession } from './guest-session-principal'

export const guestNameLimit = 80

/**
 * A guest says who they are; their notes and approvals carry this name (marked as a guest's). Giving a name again
 * renames the same guest, so earlier notes follow. Returns the session to store.
 */
export async function nameGuest(params: { session: GuestSession | null; name: string }): Promise<GuestSession> {
  const name = params.name.trim().replace(/\s+/g, ' ')
  if (name.length < 1 || name.length > guestNameLimit) {
    throw new AppError('BAD_REQUEST', { userMessage: `Your name needs 1–${guestNameLimit} characters.` })
  }
  const db = await getDb()
  const { guest } = await guestAccessFromSession({ session: params.session, db })
  if (guest.guestId) {
    await db.update(guests).set({ name }).where(and(eq(guests.id, guest.guestId), eq(guests.shareLinkId, guest.shareLinkId)))
    return { ...params.session!, guestId: guest.guestId }
  }
  const [row] = await db.insert(guests).values({ shareLinkId: guest.shareLinkId, name }).returning({ id: guests.id })
  if (!row) throw new Error('guest insert returned no row')
  return { ...params.session!, guestId: row.id }
}
