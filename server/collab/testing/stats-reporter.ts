// For server processes forked by tests and benchmarks (ours and the stock peer alike): answer { type: 'stats', gc? }
// over IPC with memory and how long the event loop was held up (ms, p99 and max since the last request).
import { monitorEventLoopDelay } from 'node:perf_hooks'

export function answerStatsRequests(extra: () => Record<string, number>): void {
  const loopDelay = monitorEventLoopDelay({ resolution: 10 })
  loopDelay.enable()
  process.on('message', (message: { type?: string; id?: number; gc?: boolean }) => {
    if (message?.type !== 'stats') return
    if (message.gc) (globalThis as { gc?: () => void }).gc?.()
    const memory = process.memoryUsage()
    const loopDelayP99 = loopDelay.percentile(99) / 1e6
    const loopDelayMax = loopDelay.max / 1e6
    loopDelay.reset()
    process.send?.({ type: 'stats', id: message.id, rss: memory.rss, heapUsed: memory.heapUsed, loopDelayP99, loopDelayMax, ...extra() })
  })
}
