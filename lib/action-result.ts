import type { ErrorCode } from './errors'

// The answer every server action gives (server/actions/run-action.ts builds it). It lives in lib/ so client
// components can type what they receive without importing anything from server/.
export type ActionError = { code: ErrorCode; message: string; fieldErrors?: Record<string, string[]> }

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError }

export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>
