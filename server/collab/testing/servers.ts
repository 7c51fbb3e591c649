// Collaboration servers for tests: in-process (fast, shares the test's database) or a spawned standalone process
// (for SIGKILL, SIGTERM, restarts and two instances). Ports come from 4100–4199 only.
import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { migrateDatabase, migrationsFolder, openDatabase, type DatabaseHandle } from '@/db/client'
import { createThrowawayPostgresDatabase } from '@/db/test-database'
import { createCollabServer, type CollabServer, type CollabServerOptions } from '../index'
import { testSecret } from './fixtures'

export async function freePort(from = 4100, to = 4199): Promise<number> {
  const candidates = Array.from({ length: to - from + 1 }, (_, i) => from + i).sort(() => Math.random() - 0.5)
  for (const port of candidates) {
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer()
      probe.once('error', () => resolve(false))
      probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)))
    })
    if (free) return port
  }
  throw new Error(`no free port in ${from}–${to}`)
}

export interface RunningServer {
  port: number
  /** What the provider takes as serverUrl. */
  wsUrl: string
  /** The app origin the server accepts. */
  origin: string
  httpUrl: string
}

export interface InProcessServer extends RunningServer {
  collab: CollabServer
  close(): Promise<void>
}

export async function startInProcess(options: CollabServerOptions = {}, fixedPort?: number): Promise<InProcessServer> {
  const port = fixedPort ?? (await freePort())
  const origin = `http://localhost:${port}`
  const collab = createCollabServer({ appUrl: origin, secret: testSecret, log: () => {}, ...options })
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/collab/')) collab.handleRequest(request, response)
    else response.writeHead(404).end()
  })
  server.on('upgrade', (request, socket, head) => collab.handleUpgrade(request, socket, head))
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve))
  return {
    port,
    origin,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    httpUrl: `http://127.0.0.1:${port}`,
    collab,
    async close() {
      // The collab server first: upgraded sockets count as the HTTP server's connections until they end.
      const closed = new Promise((resolve) => server.close(resolve))
      await collab.close()
      server.closeAllConnections()
      await closed
    },
  }
}

/** A database a spawned server can use: a PGlite folder (read by the test only while no server runs on it) or a
 * throw-away PostgreSQL database in the "postgres" vitest project. */
export interface ServerDatabase {
  env: Record<string, string>
  /** Opens the database in this process, runs `fn`, closes it. */
  use<T>(fn: (handle: DatabaseHandle) => Promise<T>): Promise<T>
  dispose(): Promise<void>
}

export async function createServerDatabase(): Promise<ServerDatabase> {
  if (process.env.STORYREEL_TEST_DB === 'postgres') {
    const adminUrl = process.env.TEST_DATABASE_URL
    if (!adminUrl) throw new Error('the postgres project needs TEST_DATABASE_URL')
    const throwaway = await createThrowawayPostgresDatabase(adminUrl, 'storyreel_collab')
    const database: ServerDatabase = {
      env: { DATABASE_URL: throwaway.url },
      use: (fn) => useDatabase({ url: throwaway.url }, fn),
      dispose: throwaway.drop,
    }
    return database
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-collab-'))
  fs.cpSync(await migratedPgliteTemplate(), path.join(dataDir, 'db'), { recursive: true })
  return {
    env: { STORYREEL_DATA_DIR: dataDir },
    use: (fn) => useDatabase({ dataDir: path.join(dataDir, 'db') }, fn),
    async dispose() {
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}

/**
 * A migrated PGlite folder to copy: creating a PGlite cluster runs initdb in WASM (seconds), copying a folder does
 * not. Shared between test processes through the temp folder, keyed by the migrations it holds.
 */
async function migratedPgliteTemplate(): Promise<string> {
  const hash = createHash('sha256')
  for (const file of fs.readdirSync(migrationsFolder, { recursive: true, encoding: 'utf8' }).sort()) {
    const full = path.join(migrationsFolder, file)
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full))
  }
  const template = path.join(os.tmpdir(), `storyreel-collab-template-${hash.digest('hex').slice(0, 16)}`)
  if (fs.existsSync(path.join(template, 'PG_VERSION'))) return template
  const building = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-collab-template-building-'))
  await useDatabase({ dataDir: building }, async () => {})
  try {
    fs.renameSync(building, template)
  } catch {
    fs.rmSync(building, { recursive: true, force: true }) // another test process got there first
  }
  return template
}

async function useDatabase<T>(config: { url: string } | { dataDir: string }, fn: (handle: DatabaseHandle) => Promise<T>): Promise<T> {
  const handle = await openDatabase(config)
  try {
    await migrateDatabase(handle)
    return await fn(handle)
  } finally {
    await handle.close()
  }
}

export interface SpawnedServer extends RunningServer {
  child: ChildProcess
  /** Resolves with the exit code (or signal name) once the process has exited. */
  exited: Promise<number | string>
  output(): string
}

const standaloneEntry = path.join(process.cwd(), 'server', 'collab', 'standalone.ts')

export async function spawnStandalone(env: Record<string, string>, port?: number): Promise<SpawnedServer> {
  const chosenPort = port ?? (await freePort())
  const origin = `http://localhost:${chosenPort}`
  const child = spawn(process.execPath, ['--import', 'tsx', standaloneEntry], {
    cwd: process.cwd(),
    env: { ...process.env, NODE_ENV: 'test', PORT: String(chosenPort), HOST: '127.0.0.1', APP_URL: origin, NEXTAUTH_SECRET: testSecret, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')))
  const ready = new Promise<void>((resolve, reject) => {
    const onData = () => {
      if (output.includes('ready on')) resolve()
    }
    child.stdout?.on('data', onData)
    void exited.then((code) => reject(new Error(`collab server exited (${code}) before it was ready:\n${output}`)))
    setTimeout(() => reject(new Error(`collab server not ready after 30 s:\n${output}`)), 30_000).unref()
  })
  await ready
  return {
    child,
    exited,
    output: () => output,
    port: chosenPort,
    origin,
    wsUrl: `ws://127.0.0.1:${chosenPort}/collab`,
    httpUrl: `http://127.0.0.1:${chosenPort}`,
  }
}

/** Stops a spawned server (SIGTERM, then SIGKILL) if it is still running; for afterAll hooks. */
export async function stopSpawned(server: SpawnedServer | undefined): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return
  server.child.kill('SIGTERM')
  const timer = setTimeout(() => server.child.kill('SIGKILL'), 10_000)
  await server.exited
  clearTimeout(timer)
}
