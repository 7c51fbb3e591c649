// Collects items and writes them in one go a short while after the first arrives. A failed write keeps the items
// (in order, ahead of newer ones) and retries with backoff: the database being away must never drop an edit.
export interface BatcherOptions<T> {
  delayMs: number
  write: (items: T[]) => Promise<void>
  onError: (error: unknown, attempt: number) => void
  maxRetryDelayMs?: number
}

export class Batcher<T> {
  private pending: T[] = []
  private timer: NodeJS.Timeout | null = null
  private running: Promise<void> | null = null
  /** Items in the write under way (not in `pending` until it fails). */
  private writing = 0
  private failures = 0

  constructor(private readonly options: BatcherOptions<T>) {}

  push(item: T): void {
    this.pending.push(item)
    this.schedule(this.options.delayMs)
  }

  get size(): number {
    return this.pending.length
  }

  /** Items not yet written: waiting, or in the write under way. */
  get unsaved(): number {
    return this.pending.length + this.writing
  }

  some(predicate: (item: T) => boolean): boolean {
    return this.pending.some(predicate)
  }

  /** Writes everything pending now (waiting for a write in progress first); rejects if the database refuses. */
  async flush(): Promise<void> {
    if (this.running) await this.running.catch(() => {})
    while (this.pending.length > 0) {
      this.clearTimer()
      await this.runOnce(true)
    }
  }

  /** Stops the timer; pending items stay for a last flush(). */
  stop(): void {
    this.clearTimer()
  }

  private schedule(delay: number): void {
    if (this.timer || this.running) return
    this.timer = setTimeout(() => {
      this.timer = null
      void this.runOnce(false).catch(() => {})
    }, delay)
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer)
    this.timer = null
  }

  private runOnce(rethrow: boolean): Promise<void> {
    if (this.running) return this.running
    const batch = this.pending
    this.pending = []
    this.writing = batch.length
    this.running = this.options
      .write(batch)
      .then(() => {
        this.writing = 0
        this.failures = 0
      })
      .catch((error: unknown) => {
        this.writing = 0
        this.failures += 1
        this.pending = batch.concat(this.pending)
        this.options.onError(error, this.failures)
        if (rethrow) throw error
      })
      .finally(() => {
        this.running = null
        if (this.pending.length > 0) {
          const retryDelay = Math.min(this.options.maxRetryDelayMs ?? 10_000, this.failures === 0 ? 0 : 500 * 2 ** this.failures)
          this.schedule(Math.max(this.options.delayMs, retryDelay))
        }
      })
    return this.running
  }
}
