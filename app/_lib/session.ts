import { cache } from 'react'
import { notFound, redirect } from 'next/navigation'
import { isAppError } from '@/lib/errors'
import type { Actor } from '@/server/auth/require-role'
import { getCurrentActor } from '@/server/auth/session'
import { signInUrl } from './callback-url'

/** The signed-in user, looked up once per request however many layouts and pages ask. */
export const currentActor = cache(getCurrentActor)

/** The signed-in user, or a redirect to sign-in that brings them back to `callbackPath`. */
export async function requireActor(callbackPath: string): Promise<Actor> {
  const actor = await currentActor()
  if (!actor) redirect(signInUrl(callbackPath))
  return actor
}

/**
 * Runs a read service and turns its NOT_FOUND (which is also what non-members get) into the 404 page.
 * Anything else is unexpected on a read and goes to the error page.
 */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read
  } catch (error) {
    if (isAppError(error) && error.code === 'NOT_FOUND') notFound()
    throw error
  }
}
