// WebSocket close codes the collaboration server uses, shared with the client so it can explain a disconnect.
// y-websocket's convention: 4400–4499 mirror HTTP 4xx and mean "reconnecting cannot fix this" (the stock provider
// stops), everything else is transient (it reconnects with backoff, then resyncs, so no edit is lost).
export const closeCodes = {
  /** The server is restarting or shutting down; reconnect (to another instance, or this one when it is back). */
  serviceRestart: 1012,
  /** Your role changed (e.g. editor → viewer): reconnect to pick up the new access. */
  accessChanged: 4001,
  malformedMessage: 4400,
  sessionEnded: 4401,
  accessRevoked: 4403,
  tooLarge: 4413,
  /** The stored document could not be loaded; it is never served empty, so try again later. */
  loadFailed: 4503,
  /** Too many messages per second on this connection; reconnect after a pause. */
  rateLimited: 4529,
  /** The client stopped answering pings or read too slowly. */
  unresponsive: 4508,
} as const

export type CloseCode = (typeof closeCodes)[keyof typeof closeCodes]

export function isPermanentClose(code: number): boolean {
  return code >= 4400 && code < 4500
}
