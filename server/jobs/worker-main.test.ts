import { spawn, type ChildProcess } from 'node:child_process'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { closedPort } from '@/server/observability/testing/closed-port'

// `npm run worker` as a real process.

const tsx = path.join(process.cwd(), 'node_modules', '.bin', 'tsx')
const children = new Set<ChildProcess>()
afterEach(() => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
  children.clear()
})

function startWorker(env: NodeJS.ProcessEnv) {
  const child = spawn(tsx, ['server/jobs/worker-main.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)))
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => (output.includes(text) ? resolve() : undefined)
      child.stdout.on('data', check)
      child.stderr.on('data', check)
      void exited.then(() => (output.includes(text) ? resolve() : reject(new Error(`exited without printing "${text}":\n${output}`))))
      check()
    })
  return { child, exited, printed, output: () => output }
}

const baseEnv = () => {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_ENV: 'production' }
  delete env.DATABASE_URL
  delete env.STORYREEL_TEST_DB
  return env
}

describe('npm run worker', () => {
  it.runIf(process.env.STORYREEL_TEST_DB !== 'postgres')('refuses to start on the embedded database, which belongs to the app process', async () => {
    const worker = startWorker(baseEnv())
    expect(await worker.exited).toBe(1)
    expect(worker.output()).toContain('npm run worker needs DATABASE_URL')
  })

  it.runIf(process.env.STORYREEL_TEST_DB === 'postgres')('runs against PostgreSQL and stops cleanly on SIGTERM', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!
    const name = `storyreel_worker_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const worker = startWorker({ ...baseEnv(), DATABASE_URL: url.toString() })
      await worker.printed('Ready; waiting for jobs.')
      const { rows } = await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1`, [name])
      expect(rows[0].n).toBeGreaterThan(0)
      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
      expect(worker.output()).toContain('Stopped cleanly.')
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })

  it.runIf(process.env.STORYREEL_TEST_DB === 'postgres')('serves /healthz, /readyz and token-guarded /metrics on WORKER_PORT', async () => {
    const adminUrl = process.env.TEST_DATABASE_URL!
    const name = `storyreel_worker_${Date.now().toString(36)}`
    const admin = new pg.Client({ connectionString: adminUrl })
    await admin.connect()
    await admin.query(`CREATE DATABASE ${name}`)
    try {
      const url = new URL(adminUrl)
      url.pathname = `/${name}`
      const port = await closedPort()
      const token = 'worker-metrics-token-0123456789'
      const worker = startWorker({
        ...baseEnv(),
        DATABASE_URL: url.toString(),
        WORKER_PORT: String(port),
        METRICS_TOKEN: token,
        STORYREEL_DATA_DIR: path.join(os.tmpdir(), name),
      })
      await worker.printed('Ready; waiting for jobs.')
      const get = (pathname: string, headers: Record<string, string> = {}) => fetch(`http://127.0.0.1:${port}${pathname}`, { headers })
      expect(await (await get('/healthz')).text()).toBe('ok')
      const ready = await get('/readyz')
      expect(ready.status).toBe(200)
      expect(Object.keys(((await ready.json()) as { checks: object }).checks).sort()).toEqual(['database', 'shutdown', 'storage'])
      expect((await get('/metrics')).status).toBe(401)
      const metrics = await (await get('/metrics', { authorization: `Bearer ${token}` })).text()
      expect(metrics).toMatch(/storyreel_job_queue_depth\{[^}]*queue="render-animatic"[^}]*\} 0/)
      expect(metrics).toContain('process="worker"')
      expect((await get('/')).status).toBe(404)
      worker.child.kill('SIGTERM')
      expect(await worker.exited).toBe(0)
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await admin.end()
    }
  })
})
