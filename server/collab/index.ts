import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'

export interface CollabServer {
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void
  close(): Promise<void>
}

/** Placeholder until the collaboration server lands: /collab/* is reserved and answers 503. */
export function createCollabServer(): CollabServer {
  return {
    handleUpgrade(_request, socket) {
      socket.end('HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\nCollaboration server not available yet.\n')
    },
    close: async () => {},
  }
}
