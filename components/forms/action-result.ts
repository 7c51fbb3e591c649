// The answer every server action gives (see server/actions/run-action.ts). Restated structurally here so
// components/ stays free of server imports; a server action's real return type is assignable to it.
export type ActionError = { code: string; message: string; fieldErrors?: Record<string, string[]> }

export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError }

export type ServerAction<I, T> = (input: I) => Promise<ActionResult<T>>
