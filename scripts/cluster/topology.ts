// The loopback cluster of issue 7 as a library: its own Redis and S3 server, a throw-away PostgreSQL database reached
// through a cuttable forwarder, N app instances (server/main.ts) with their workers off, dedicated workers
// (server/jobs/worker-main.ts) and a round-robin proxy in front. `npm run cluster` (cluster-main.ts) and the
// *.cluster.test.ts suites both start it from here, and stop() ends every process it started.
import fs from 'node:fs'
import fsp from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { randomBytes } from 'node:crypto'
import { createThrowawayPostgresDatabase } from '@/db/test-database'
import { ensureProductionBuild } from '@/server/build-check'
import { ManagedProcess } from './managed-process'
import { freePort } from './free-port'
import { startRedisNode, type RedisNode } from './redis-node'
import { startRoundRobinProxy, type RoundRobinProxy } from './round-robin-proxy'
import { startS3Node, type S3Node } from './s3-node'
import { startTcpForwarder, type TcpForwarder } from './tcp-forwarder'

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..', '..')
const tsx = path.join(root, 'node_modules', '.bin', 'tsx')

export interface ClusterOptions {
  instances?: number
  workers?: number
  /** The PostgreSQL server the throw-away database is made on (its admin URL). */
  adminDatabaseUrl?: string
  /** Media on S3 (s3rver) rather than a data folder the instances share; on by default once S3 storage exists. */
  s3?: boolean
  echo?: boolean
  /** Extra environment for every app instance and worker (test timings). */
  env?: Record<string, string>
}

export interface AppInstance {
  index: number
  port: number
  url: string
  process: ManagedProcess
}

export interface Cluster {
  proxyUrl: string
  instances: AppInstance[]
  workers: ManagedProcess[]
  redis: RedisNode
  s3: S3Node | null
  /** Between every instance/worker and PostgreSQL: cut() it to take the database away. */
  database: TcpForwarder
  /** The throw-away database, reached directly (not through the forwarder), for tests to seed and read. */
  databaseUrl: string
  secret: string
  dataDir: string
  /** SIGKILL an instance (no flush, no goodbye). */
  kill9Instance(index: number): Promise<void>
  /** Start a stopped or killed instance again on the same port, and wait until it serves. */
  restartInstance(index: number): Promise<void>
  /** SIGKILL a dedicated worker (mid-job, no goodbye). */
  kill9Worker(index: number): Promise<void>
  /** One more dedicated worker; resolves once it waits for jobs. */
  addWorker(): Promise<ManagedProcess>
  stop(): Promise<void>
}

/** True once server/media/storage/s3-storage.ts has landed; until then storageFromEnv refuses S3_BUCKET. */
export function s3StorageAvailable(): boolean {
  return fs.existsSync(path.join(root, 'server', 'media', 'storage', 's3-storage.ts'))
}

const instanceReadyMs = 180_000

// Every cluster started and not yet stopped, including one still starting, so a Ctrl-C during start-up (the build
// can take minutes) stops what is already running and drops the throw-away database.
const liveClusters = new Set<() => Promise<void>>()

/** Stops every cluster this process started, finished starting or not. */
export async function stopAllClusters(): Promise<void> {
  await Promise.all([...liveClusters].map((stop) => stop()))
}

export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const echo = options.echo ?? false
  const cleanups: (() => Promise<void>)[] = []
  // Once, however many callers (a failed start and a Ctrl-C at the same moment) ask, and each waits for the end.
  let stopped: Promise<void> | null = null
  const stop = () =>
    (stopped ??= (async () => {
      // Reverse order: the proxy and the apps before the services they use.
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup().catch((error: Error) => console.error(`[cluster] cleanup: ${error.message}`))
      // Only now, so a stopAllClusters() called meanwhile waits for this one to finish.
      liveClusters.delete(stop)
    })())
  liveClusters.add(stop)
  try {
    // Built once here, before any instance starts: each instance would otherwise run the same check and two could
    // build into .next at once.
    ensureProductionBuild(root, (line) => console.log(`[cluster] ${line}`))

    const adminUrl = options.adminDatabaseUrl ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres'
    const throwaway = await createThrowawayPostgresDatabase(adminUrl, 'storyreel_cluster')
    cleanups.push(() => throwaway.drop())
    const target = new URL(throwaway.url)
    const database = await startTcpForwarder({ host: target.hostname, port: Number(target.port || 5432) })
    cleanups.push(() => database.close())
    const viaForwarder = new URL(throwaway.url)
    viaForwarder.hostname = '127.0.0.1'
    viaForwarder.port = String(database.port)

    const redis = await startRedisNode({ echo })
    cleanups.push(() => redis.stop())
    const useS3 = options.s3 ?? s3StorageAvailable()
    const s3 = useS3 ? await startS3Node() : null
    if (s3) cleanups.push(() => s3.stop())

    const dataDir = await fsp.mkdtemp(path.join(os.tmpdir(), 'storyreel-cluster-'))
    cleanups.push(() => fsp.rm(dataDir, { recursive: true, force: true }))
    const secret = randomBytes(32).toString('base64url')

    const instances: AppInstance[] = []
    const proxyPort = await freePort()
    const proxyUrl = `http://127.0.0.1:${proxyPort}`
    const sharedEnv: Record<string, string> = {
      HOST: '127.0.0.1',
      DATABASE_URL: viaForwarder.toString(),
      REDIS_URL: redis.url,
      NEXTAUTH_SECRET: secret,
      APP_URL: proxyUrl,
      NEXTAUTH_URL: proxyUrl,
      // Every instance and worker shares one data folder: uploads' partial files and, without S3, the media itself
      // (standing in for a shared volume). The secret comes from NEXTAUTH_SECRET, never a file in it.
      STORYREEL_DATA_DIR: dataDir,
      TRUST_PROXY: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      ...(s3?.env ?? {}),
      ...options.env,
    }

    const proxy: RoundRobinProxy = await startRoundRobinProxy({ port: proxyPort, targets: () => instances.map((instance) => instance.url) })
    cleanups.push(() => proxy.close())

    const count = options.instances ?? 2
    for (let index = 0; index < count; index++) {
      const port = await freePort()
      const child = new ManagedProcess({
        name: `app-${index}`,
        command: tsx,
        args: ['server/main.ts'],
        cwd: root,
        echo,
        env: { ...sharedEnv, PORT: String(port), STORYREEL_RUN_WORKERS: 'false' },
      })
      instances.push({ index, port, url: `http://127.0.0.1:${port}`, process: child })
      cleanups.push(() => child.stop())
    }
    // One at a time: the first applies the migrations, and none of them can race another into a build.
    for (const instance of instances) {
      instance.process.start()
      await instance.process.waitForLine(/Ready on /, instanceReadyMs)
    }

    const workers: ManagedProcess[] = []
    const addWorker = async () => {
      // WORKER_PORT: each worker serves /healthz, /readyz and /metrics like an app instance.
      const port = await freePort()
      const worker = new ManagedProcess({ name: `worker-${workers.length}`, command: tsx, args: ['server/jobs/worker-main.ts'], cwd: root, echo, env: { ...sharedEnv, WORKER_PORT: String(port) } })
      workers.push(worker)
      cleanups.push(() => worker.stop())
      worker.start()
      await worker.waitForLine(/Ready; waiting for jobs/, instanceReadyMs)
      return worker
    }
    for (let i = 0; i < (options.workers ?? 1); i++) await addWorker()

    const instanceAt = (index: number) => {
      const instance = instances[index]
      if (!instance) throw new Error(`no instance ${index}`)
      return instance
    }
    return {
      proxyUrl,
      instances,
      workers,
      redis,
      s3,
      database,
      databaseUrl: throwaway.url,
      secret,
      dataDir,
      kill9Instance: (index) => instanceAt(index).process.kill9(),
      async restartInstance(index) {
        const child = instanceAt(index).process
        await child.stop()
        child.start()
        await child.waitForLine(/Ready on /, instanceReadyMs)
      },
      async kill9Worker(index) {
        const worker = workers[index]
        if (!worker) throw new Error(`no worker ${index}`)
        await worker.kill9()
      },
      addWorker,
      stop,
    }
  } catch (error) {
    await stop()
    throw error
  }
}
