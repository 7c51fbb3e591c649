// The one process of a default install: Next.js pages and actions, the collaboration WebSocket on /collab/*,
// and the job workers, on one port.
import http from 'node:http'
import { parse as parseUrl } from 'node:url'
import { loadEnv } from './env'
import { onShutdownSignal, runProcess } from './process-lifecycle'
import { ensureAuthSecret } from './auth/secret'
import { ensureProductionBuild } from './build-check'
import { clientIpHeader, resolveClientIp } from './auth/client-ip'

const dev = process.argv.includes('--dev')
const log = (line: string) => console.log(`[storyreel] ${line}`)

async function main() {
  const env = loadEnv()
  // Next.js reads these from the environment inside its own bundle, so they are settled before it loads.
  ;(process.env as Record<string, string>).NODE_ENV = dev ? 'development' : 'production'
  // A self-hosted tool should not phone home; users can opt back in.
  process.env.NEXT_TELEMETRY_DISABLED ??= '1'
  const { secret, source } = ensureAuthSecret(env.dataDir, env.NEXTAUTH_SECRET)
  process.env.NEXTAUTH_SECRET = secret
  process.env.NEXTAUTH_URL ??= env.appUrl
  process.env.APP_URL ??= env.appUrl
  if (source === 'generated') log(`Generated a session secret in ${env.dataDir}/auth-secret (set NEXTAUTH_SECRET in production).`)

  const { openDatabase, migrateDatabase, setDatabase, databaseConfigFromEnv } = await import('@/db/client')
  const database = await openDatabase(databaseConfigFromEnv())
  await migrateDatabase(database)
  setDatabase(database)
  log(`Database ready (${database.kind === 'pglite' ? `embedded PGlite in ${env.dataDir}/db` : 'PostgreSQL'}).`)

  if (!dev) ensureProductionBuild(process.cwd(), log)

  const { default: next } = await import('next')
  const app = next({ dev, dir: process.cwd(), hostname: env.HOST, port: env.PORT })
  await app.prepare()
  const handle = app.getRequestHandler()

  const { createCollabServer, setCollabServer, registerGuestResolver } = await import('./collab')
  // Share-link guests follow their own review's live feed (and nothing else); see guest-collab-resolver.ts.
  const { createGuestCollabResolver } = await import('./services/review/guest-collab-resolver')
  registerGuestResolver(createGuestCollabResolver())
  const observability = await import('./observability')
  const registry = observability.createMetricsRegistry({ process: 'app' })
  const collabMetrics = observability.createCollabMetrics(registry)
  const collab = createCollabServer({ metrics: collabMetrics.sink })
  collabMetrics.readStatsFrom(() => collab.stats())
  // Server actions run in the Next bundle, which reaches this collab server only through globalThis.
  setCollabServer(collab)
  const { startWorkers } = await import('./jobs/workers')
  const { appJobs } = await import('./jobs/app-jobs')
  const { getJobQueue } = await import('./jobs/queue')
  const jobMetrics = observability.createJobMetrics(registry, {
    queues: appJobs.map((job) => job.name),
    countUnfinished: async (queues) => (await getJobQueue()).countUnfinished(queues),
  })
  const workers = env.STORYREEL_RUN_WORKERS === 'true' ? await startWorkers({ onRunFinished: jobMetrics.onRunFinished }) : null

  const { getStorage } = await import('./media/storage/get-storage')
  let stopping = false
  const readiness = observability.createReadiness(
    {
      database: observability.databaseCheck(database),
      // The fan-out's own connection: it is what carries edits between instances.
      ...(env.REDIS_URL ? { redis: () => collab.pingRedis() } : {}),
      storage: observability.storageCheck(getStorage),
      shutdown: observability.notStoppingCheck(() => stopping),
    },
    { log },
  )
  const healthRoutes = observability.createHealthRoutes({ readiness, registry, metricsToken: env.METRICS_TOKEN, log })

  const server = http.createServer((req, res) => {
    // Rate limits key on this header; it is always ours, never the client's.
    req.headers[clientIpHeader] = resolveClientIp(req.headers['x-forwarded-for'], req.socket.remoteAddress, env.TRUST_PROXY === 'true')
    // /healthz, /readyz, /metrics: answered here, never by Next (they must work while a page is broken).
    if (healthRoutes(req, res)) return
    // GET /collab/<docId> tells the collab client why an upgrade was refused (browsers cannot read the 401/403).
    if (req.url?.startsWith('/collab/')) return collab.handleRequest(req, res)
    handle(req, res, parseUrl(req.url ?? '/', true)).catch((error) => {
      console.error('[storyreel] request failed:', error)
      if (!res.headersSent) res.writeHead(500).end('Internal Server Error')
    })
  })
  // Only /collab/* is ours; other upgrades (Next's dev HMR) are left to Next's own listener.
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/collab/')) collab.handleUpgrade(req, socket, head)
  })

  await new Promise<void>((resolve) => server.listen(env.PORT, env.HOST, resolve))
  log(`Ready on ${env.appUrl} (${dev ? 'development' : 'production'}, listening on ${env.HOST}:${env.PORT})`)

  onShutdownSignal(async (signal) => {
    log(`${signal} received; shutting down…`)
    stopping = true
    const forceExit = setTimeout(() => {
      console.error('[storyreel] shutdown took over 15 s; exiting anyway')
      process.exit(1)
    }, 15_000)
    forceExit.unref()
    server.close()
    server.closeAllConnections?.()
    await collab.close() // flushes pending document updates before the database closes
    await workers?.stop()
    await database.close()
    log('Stopped cleanly.')
    process.exit(0)
  })
}

runProcess('storyreel', main)
