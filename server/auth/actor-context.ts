import { AsyncLocalStorage } from 'node:async_hooks'
import type { Actor } from './require-role'

// Lets server code run an action on behalf of a known actor outside an HTTP request: the access-matrix
// tests, scripts, and job workers. Inside a request the actor always comes from the next-auth session.
const actorStorage = new AsyncLocalStorage<Actor | null>()

export function runAsActor<T>(actor: Actor | null, fn: () => Promise<T>): Promise<T> {
  return actorStorage.run(actor, fn)
}

/** undefined: no override in force (use the request's session). null: explicitly anonymous. */
export function actorOverride(): Actor | null | undefined {
  return actorStorage.getStore()
}
