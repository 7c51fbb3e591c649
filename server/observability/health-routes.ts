// GET /healthz, /readyz and /metrics, answered by the custom server (app and worker) before anything else sees the
// request: they must work when Next.js is still building or broken, and they are not app routes.
import { createHash, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Registry } from 'prom-client'
import type { Readiness } from './readiness'

export interface HealthRoutesOptions {
  readiness: Readiness
  registry: Registry
  /** When set, /metrics wants `Authorization: Bearer <token>`: series name internals (queues, documents, lag). */
  metricsToken?: string
  log?: (line: string) => void
}

/** Answers the request and returns true if its path is one of ours; returns false and leaves it alone otherwise. */
export type HealthRoutes = (request: IncomingMessage, response: ServerResponse) => boolean

export const healthPaths = ['/healthz', '/readyz', '/metrics'] as const

export function createHealthRoutes(options: HealthRoutesOptions): HealthRoutes {
  const log = options.log ?? ((line: string) => console.error(line))
  const tokenDigest = options.metricsToken ? digest(options.metricsToken) : null

  const send = (response: ServerResponse, status: number, contentType: string, body: string, headers: Record<string, string> = {}) => {
    response.writeHead(status, { 'content-type': contentType, 'cache-control': 'no-store', ...headers })
    response.end(response.req.method === 'HEAD' ? undefined : body)
  }

  const authorized = (request: IncomingMessage): boolean => {
    if (!tokenDigest) return true
    const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '')
    // Digests have one length, so the comparison takes the same time however much of a guess is right.
    return match !== null && timingSafeEqual(digest(match[1]!), tokenDigest)
  }

  return (request, response) => {
    const path = (request.url ?? '').split('?')[0]
    if (!(healthPaths as readonly string[]).includes(path ?? '')) return false
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(response, 405, 'text/plain; charset=utf-8', 'Method Not Allowed\n', { allow: 'GET, HEAD' })
      return true
    }
    if (path === '/healthz') {
      // Liveness: the event loop answers. Nothing else, or a database outage would get every instance restarted.
      send(response, 200, 'text/plain; charset=utf-8', 'ok')
    } else if (path === '/readyz') {
      options.readiness
        .check()
        .then((report) => send(response, report.status === 'ready' ? 200 : 503, 'application/json', JSON.stringify(report)))
        .catch((error: unknown) => {
          log(`[observability] readiness failed: ${(error as Error).message}`)
          send(response, 503, 'application/json', JSON.stringify({ status: 'not ready', checks: {} }))
        })
    } else if (!authorized(request)) {
      send(response, 401, 'text/plain; charset=utf-8', 'Unauthorized\n', { 'www-authenticate': 'Bearer realm="metrics"' })
    } else {
      options.registry
        .metrics()
        .then((text) => send(response, 200, options.registry.contentType, text))
        .catch((error: unknown) => {
          log(`[observability] collecting metrics failed: ${(error as Error).message}`)
          send(response, 500, 'text/plain; charset=utf-8', 'Internal Server Error\n')
        })
    }
    return true
  }
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest()
}
