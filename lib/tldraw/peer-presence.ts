// Peers' cursors and selections arrive through awareness. Their tldraw presence says who they are, but only the
// identity the server stamped (`state.user`) is believed, so nobody can appear under someone else's name or colour.
import { InstancePresenceRecordType, createUserId, type TLInstancePresence } from 'tldraw'
import { presenceUser, type PresenceUser } from '@/lib/collab/presence'

/** The awareness field each client publishes its tldraw presence record in. */
export const presenceField = 'tldraw'

/** One record id per connection (not per person), so two tabs of one person show two cursors. */
export function peerPresenceId(clientId: number): TLInstancePresence['id'] {
  return InstancePresenceRecordType.createId(`peer-${clientId}`)
}

/** The user record id tldraw compares presence against, from our user id. */
export const tldrawUserId = (userId: string) => createUserId(userId)

/** A peer's instance_presence record with the stamped identity, or null if the state holds none or an invalid one. */
export function peerPresenceRecord(clientId: number, state: unknown): TLInstancePresence | null {
  if (!state || typeof state !== 'object') return null
  const { user, [presenceField]: presence } = state as Record<string, unknown>
  const identity = presenceUser.safeParse(user)
  if (!identity.success || !presence || typeof presence !== 'object') return null
  try {
    return InstancePresenceRecordType.validate({
      ...(presence as object),
      ...stampedFields(identity.data),
      id: peerPresenceId(clientId),
      typeName: 'instance_presence',
    })
  } catch {
    return null
  }
}

function stampedFields(user: PresenceUser): Pick<TLInstancePresence, 'userId' | 'userName' | 'color'> {
  return { userId: tldrawUserId(user.id), userName: user.name, color: user.color }
}
