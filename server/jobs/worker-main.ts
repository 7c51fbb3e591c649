// `npm run worker`: a process that only runs jobs (renders, transcodes), beside app instances started with
// STORYREEL_RUN_WORKERS=false. SIGTERM aborts the running jobs, waits for their handlers to yield, and exits.
import { loadEnv, EnvError } from '../env'
import { onShutdownSignal, runProcess } from '../process-lifecycle'
import { databaseConfigFromEnv, migrateDatabase, openDatabase, setDatabase } from '@/db/client'
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
  const workers = await startWorkers()
  log('Ready; waiting for jobs.')

  onShutdownSignal(async (signal) => {
    log(`${signal} received; letting running jobs yield…`)
    await workers.stop()
    await database.close()
    log('Stopped cleanly.')
    process.exit(0)
  })
}

runProcess('worker', main)
