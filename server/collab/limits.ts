// Per-connection guards: how fast a client may send and how big a message or a document may get.

/** Token bucket: `perSecond` sustained, bursts up to `burst` (typing and drawing arrive in bursts). */
export class MessageRateLimiter {
  private tokens: number
  private last: number

  constructor(
    private readonly perSecond: number,
    private readonly burst: number = perSecond * 2,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.tokens = burst
    this.last = now()
  }

  /** false when the message is over the limit. */
  take(): boolean {
    const now = this.now()
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond)
    this.last = now
    if (this.tokens < 1) return false
    this.tokens -= 1
    return true
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

export const messageTooLargeReason = (bytes: number, limit: number) =>
  `Message too large (${formatBytes(bytes)}; the limit is ${formatBytes(limit)}).`

export const documentTooLargeReason = (limit: number) =>
  `This document has reached its size limit (${formatBytes(limit)}); the last change was not saved.`

/**
 * Tracks a document's encoded size cheaply: the exact size is measured at load and whenever the running estimate
 * (which only ever over-counts, because re-sent updates add nothing) would cross the limit.
 */
export class DocumentSizeGuard {
  private estimate: number

  constructor(
    private readonly limit: number,
    initialBytes: number,
    private readonly measure: () => number,
  ) {
    this.estimate = initialBytes
  }

  /** Whether an update of this size may be applied; call `applied` after it was. */
  admits(updateBytes: number): boolean {
    if (this.estimate + updateBytes <= this.limit) return true
    this.estimate = this.measure()
    return this.estimate + updateBytes <= this.limit
  }

  applied(updateBytes: number): void {
    this.estimate += updateBytes
  }
}
