// `npm run worker`: a process that only runs jobs (renders, transcodes), beside app instances started with
// STORYREEL_RUN_WORKERS=false. SIGTERM aborts the running jobs, waits for their handlers to yield, and exits.
import { loadEnv, EnvError } from '../env'
import { onShutdownSignal, runProcess } from '../process-lifecycle'
import { databaseConfigFromEnv, migrateDatabase, openDatabase, setDatabase } from '@/db/client'
import { getStorage } from '@/server/media/storage/get-storage'
import * as observability from '@/server/observability'
import { appJobs } from './app-jobs'
import { getJobQueue } from './queue'
import { startWorkers } from './workers'

const log = (line: string) => console.log(`[worker] ${line}`)

async function main() {
  const env = loadEnv()
  // The embedded database belongs to the one app process that opened it; a second process cannot share it.
  if (!env.DATABASE_URL) {
    throw new EnvError(
      'npm run worker needs DATABASE_URL (PostgreSQL). With the embedded database, the app runs its workers itself.',
    )
  }
  const database = await openDatabase(databaseConfigFromEnv())
  await migrateDatabase(database)
  setDatabase(database)
  const registry = observability.createMetricsRegistry({ process: 'worker' })
  const jobMetrics = observability.createJobMetrics(registry, {
    queues: appJobs.map((job) => job.name),
    countUnfinished: async (queues) => (await getJobQueue()).countUnfinished(queues),
  })
  let stopping = false
  // Off unless WORKER_PORT is set: a worker needs no port to do its work, only to be probed and scraped. Listening
  // before the workers start means a port already in use stops the process before it has taken any job.
  const health = env.WORKER_PORT
    ? await observability.startHealthServer({
        host: env.HOST,
        port: env.WORKER_PORT,
        routes: observability.createHealthRoutes({
          registry,
          metricsToken: env.METRICS_TOKEN,
          log,
          readiness: observability.createReadiness(
            {
              database: observability.databaseCheck(database),
              storage: observability.storageCheck(getStorage),
              shutdown: observability.notStoppingCheck(() => stopping),
            },
            { log },
          ),
        }),
      })
    : null
  if (env.WORKER_PORT) log(`Health and metrics on http://${env.HOST}:${env.WORKER_PORT} (/healthz, /readyz, /metrics).`)
  const workers = await startWorkers({ onRunFinished: jobMetrics.onRunFinished })
  log('Ready; waiting for jobs.')

  onShutdownSignal(async (signal) => {
    log(`${signal} received; letting running jobs yield…`)
    stopping = true
    await workers.stop()
    await health?.close()
    await database.close()
    log('Stopped cleanly.')
    process.exit(0)
  })
}

runProcess('worker', main)
