// What the editor shows about its live connection. Derived from facts, so the badge can never contradict them.
export type ConnectionStatus = 'connecting' | 'connected' | 'read-only' | 'reconnecting' | 'offline' | 'denied'

export interface ConnectionFacts {
  socketOpen: boolean
  /** The server's state has been received since the socket opened. */
  synced: boolean
  readOnly: boolean
  /**
   * The server has said this session's access for the current attempt. The socket and the access probe run at once,
   * so the socket may sync first; until the answer comes, "connected" could be a viewer's stale or default role.
   */
  accessKnown: boolean
  /** Set when the server refused us for good (signed out, access removed, unknown document). */
  deniedReason: string | null
  /** The browser says there is no network. */
  browserOffline: boolean
  /** Connection attempts that failed in a row since the last successful sync. */
  failedAttempts: number
  /** The socket has been open at least once since the hook mounted. */
  everConnected: boolean
}

/** After this many failed attempts in a row we stop saying "reconnecting" and say "offline". */
export const attemptsBeforeOffline = 3

export function connectionStatus(facts: ConnectionFacts): ConnectionStatus {
  if (facts.deniedReason !== null) return 'denied'
  if (facts.socketOpen && facts.synced) {
    // Synced, but whether as an editor or a viewer is the probe's to say: still connecting, never a guessed label.
    if (!facts.accessKnown) return 'connecting'
    return facts.readOnly ? 'read-only' : 'connected'
  }
  if (facts.browserOffline || facts.failedAttempts >= attemptsBeforeOffline) return 'offline'
  return facts.everConnected ? 'reconnecting' : 'connecting'
}

export const statusLabels: Record<ConnectionStatus, string> = {
  connecting: 'Connecting…',
  connected: 'Connected',
  'read-only': 'Read-only',
  reconnecting: 'Reconnecting…',
  offline: 'Offline — edits saved locally',
  denied: 'Access denied',
}
