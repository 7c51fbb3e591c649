import { getServerSession } from 'next-auth'
import { authOptions } from './auth-options'
import { actorOverride } from './actor-context'
import type { Actor } from './require-role'

/** The signed-in user of the current request (or of runAsActor), or null. */
export async function getCurrentActor(): Promise<Actor | null> {
  const override = actorOverride()
  if (override !== undefined) return override
  const session = await getServerSession(authOptions)
  const user = session?.user as { id?: string; name?: string | null; email?: string | null } | undefined
  if (!user?.id || !user.email) return null
  return { userId: user.id, name: user.name ?? null, email: user.email }
}
