// /readyz: may this process take traffic? Every check runs at once, each under a time limit, so the answer comes
// within that limit whatever hangs. A check still running from an earlier probe is joined rather than started again:
// a database that stopped answering must not collect one more stuck query per probe.

import { withTimeout } from './with-timeout'

/** Resolves when the dependency answered; rejects (with the reason, for the log) when it did not. */
export type ReadinessCheck = () => Promise<void>

export interface CheckResult {
  status: 'ok' | 'failed'
  latencyMs: number
  /** Why, in a few words. The details (hosts, users, driver messages) go to the log, not to an unauthenticated page. */
  error?: 'timed out' | 'failed'
}

export interface ReadinessReport {
  status: 'ready' | 'not ready'
  checks: Record<string, CheckResult>
}

export interface Readiness {
  check(): Promise<ReadinessReport>
}

export interface ReadinessOptions {
  timeoutMs?: number
  /** Told when a check starts or stops failing (not on every probe: a load balancer asks every few seconds). */
  log?: (line: string) => void
}

export function createReadiness(checks: Record<string, ReadinessCheck>, options: ReadinessOptions = {}): Readiness {
  const timeoutMs = options.timeoutMs ?? 2_000
  const log = options.log ?? (() => {})
  const inFlight = new Map<string, Promise<void>>()
  const lastStatus = new Map<string, CheckResult['status']>()

  const attempt = (name: string, check: ReadinessCheck): Promise<void> => {
    let running = inFlight.get(name)
    if (!running) {
      // Called inside then() so a check that throws synchronously is a rejection like any other.
      running = Promise.resolve()
        .then(check)
        .finally(() => inFlight.delete(name))
      inFlight.set(name, running)
    }
    return running
  }

  const run = async (name: string, check: ReadinessCheck): Promise<CheckResult> => {
    const started = performance.now()
    let result: CheckResult
    try {
      await withTimeout(attempt(name, check), timeoutMs, `readiness check "${name}"`)
      result = { status: 'ok', latencyMs: elapsed(started) }
      if (lastStatus.get(name) === 'failed') log(`readiness: ${name} is back`)
    } catch (error) {
      const timedOut = (error as Error).name === 'TimeoutError'
      result = { status: 'failed', latencyMs: elapsed(started), error: timedOut ? 'timed out' : 'failed' }
      if (lastStatus.get(name) !== 'failed') log(`readiness: ${name} failed: ${(error as Error).message}`)
    }
    lastStatus.set(name, result.status)
    return result
  }

  return {
    async check() {
      const names = Object.keys(checks)
      const results = await Promise.all(names.map((name) => run(name, checks[name]!)))
      const report: ReadinessReport = { status: 'ready', checks: {} }
      names.forEach((name, i) => {
        report.checks[name] = results[i]!
        if (results[i]!.status === 'failed') report.status = 'not ready'
      })
      return report
    },
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10
}
