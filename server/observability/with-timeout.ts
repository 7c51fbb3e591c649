// A probe or scrape must answer even when what it asks (a database, Redis, a bucket) does not: race it with a timer.
// The slow call itself keeps running; callers make sure they do not pile up more of them (see readiness.ts).

export class TimeoutError extends Error {
  override name = 'TimeoutError'
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`${what}: no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}
