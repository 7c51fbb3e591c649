import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'

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
})
