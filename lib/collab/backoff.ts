// Reconnect delays: exponential with "full jitter", so a restarted server is not hit by every client at once.
export interface BackoffOptions {
  baseMs?: number
  maxMs?: number
  random?: () => number
}

export function reconnectDelay(attempt: number, { baseMs = 250, maxMs = 15_000, random = Math.random }: BackoffOptions = {}): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, Math.min(attempt, 30)))
  // Never zero: half the ceiling is fixed, the other half random.
  return Math.round(ceiling / 2 + random() * (ceiling / 2))
}
