// `npm run cluster`: the loopback cluster for trying scale-out by hand. Prints the URLs, echoes every process's
// output with its name, and stops everything it started on Ctrl-C / SIGTERM.
import { startCluster, stopAllClusters } from './topology'

async function main() {
  // Before starting anything: a Ctrl-C during start-up must stop what has started so far, too.
  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    console.log(`\n[cluster] ${signal}: stopping everything…`)
    await stopAllClusters()
    console.log('[cluster] stopped.')
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
  const cluster = await startCluster({ echo: process.env.CLUSTER_QUIET !== '1', instances: Number(process.env.CLUSTER_INSTANCES ?? 2), workers: Number(process.env.CLUSTER_WORKERS ?? 1) })
  if (stopping) return
  const lines = [
    `proxy (open this):  ${cluster.proxyUrl}`,
    ...cluster.instances.map((instance) => `app-${instance.index}:             ${instance.url}`),
    `workers:            ${cluster.workers.length} (pids ${cluster.workers.map((worker) => worker.pid).join(', ')})`,
    `postgres:           ${cluster.databaseUrl} (instances go through 127.0.0.1:${cluster.database.port})`,
    `redis:              ${cluster.redis.url}`,
    `s3:                 ${cluster.s3 ? `${cluster.s3.endpoint} bucket ${cluster.s3.bucket}` : 'off (media in a shared data folder: S3 storage has not landed)'}`,
    `data folder:        ${cluster.dataDir}`,
  ]
  console.log(`\n[cluster] ready\n${lines.map((line) => `  ${line}`).join('\n')}\n\nCtrl-C stops everything.`)
}

main().catch(async (error) => {
  console.error('[cluster] failed to start:', error)
  // Whatever had started is stopped (and the database dropped) before exiting; a Ctrl-C's stop may be doing it already.
  await stopAllClusters()
  process.exit(1)
})
