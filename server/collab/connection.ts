// One client's socket on one document: who it is, what it may do, and how to talk to it safely.
import { WebSocket } from 'ws'
import type { Role } from '@/lib/roles'
import type { PresenceUser } from '@/lib/collab/presence'
import { closeCodes } from '@/lib/collab/close-codes'
import { mayWrite } from './access'
import type { Principal } from './auth'
import { MessageRateLimiter } from './limits'

// A reader this far behind is not keeping up; dropping it (it resyncs on reconnect) protects the server's memory.
const maxBufferedBytes = 32 * 1024 * 1024

export class Connection {
  /** Awareness client ids this socket speaks for; nobody else may set or clear them. */
  readonly clientIds = new Set<number>()
  readonly limiter: MessageRateLimiter
  /** Answered the last ping. */
  alive = true
  /** When this socket was last pinged (ms); each socket is pinged on its own 30 s cycle, not all at once. */
  lastPingAt = Date.now()
  private closed = false

  constructor(
    readonly socket: WebSocket,
    readonly principal: Principal,
    readonly identity: PresenceUser,
    readonly docId: string,
    readonly projectId: string,
    public role: Role,
    maxMessagesPerSec: number,
  ) {
    this.limiter = new MessageRateLimiter(maxMessagesPerSec)
  }

  get readOnly(): boolean {
    return !mayWrite(this.role, this.docId)
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === WebSocket.OPEN
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return
    if (this.socket.bufferedAmount > maxBufferedBytes) {
      this.close(closeCodes.unresponsive, 'Your connection is too slow to keep up; reconnecting.')
      return
    }
    try {
      this.socket.send(frame)
    } catch {
      this.close(closeCodes.unresponsive, 'Could not send to this connection.')
    }
  }

  close(code: number, reason: string): void {
    if (this.closed) return
    this.closed = true
    try {
      this.socket.close(code, truncateReason(reason))
    } catch {
      this.socket.terminate()
    }
    // A peer that never completes the closing handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 5_000).unref()
  }
}

/** Close reasons are limited to 123 bytes of UTF-8 by the WebSocket protocol. */
export function truncateReason(reason: string): string {
  if (Buffer.byteLength(reason) <= 123) return reason
  let result = reason
  while (Buffer.byteLength(result) > 120) result = result.slice(0, -1)
  return result + '…'
}
