import { actorOverride } from './actor-context'
import type { Actor } from './require-role'

/** The signed-in user of the current request (or of runAsActor), or null. */
export async function getCurrentActor(): Promise<Actor | null> {
  const override = actorOverride()
  if (override !== undefined) return override
  // Loaded on demand: next-auth's getServerSession reaches for next/headers, which only exists inside a Next.js
  // request. Tests and scripts that run under runAsActor never load it.
  const [{ getServerSession }, { authOptions }] = await Promise.all([import('next-auth'), import('./auth-options')])
  const session = await getServerSession(authOptions)
  const user = session?.user
  if (!user?.id || !user.email) return null
  return { userId: user.id, name: user.name ?? null, email: user.email }
}
