import fs from 'node:fs'
import path from 'node:path'
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { migrate } from 'drizzle-orm/node-postgres/migrator'
import pg from 'pg'
import { startPgliteWorker, type PgliteWorkerLink } from './pglite-worker-link'
import * as schema from './schema'

// PostgreSQL and the embedded PGlite are both reached through node-postgres (PGlite speaks the wire protocol from its
// own thread), so there is one driver, one query builder and one set of type parsers.
export type Db = NodePgDatabase<typeof schema>

export interface DatabaseHandle {
  db: Db
  /** Which database this is; both are reached through a pg Pool (drizzle's `$client`). */
  kind: 'pglite' | 'postgres'
  /** Raw SQL for the few places that need it (health checks, queue adapters). */
  query: (sql: string, params?: unknown[]) => Promise<{ rows: Record<string, unknown>[] }>
  close: () => Promise<void>
}

export type DatabaseConfig = { url: string } | { dataDir: string } | { memory: true }

export class DatabaseOpenError extends Error {
  override name = 'DatabaseOpenError'
}

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations')

export async function openDatabase(config: DatabaseConfig): Promise<DatabaseHandle> {
  if ('url' in config) {
    const pool = new pg.Pool({ connectionString: config.url, max: Number(process.env.DATABASE_POOL_SIZE ?? 10) })
    return handleFor(pool, 'postgres', () => pool.end())
  }
  if ('dataDir' in config) refuseForeignFolder(config.dataDir)
  let link: PgliteWorkerLink
  try {
    link = await startPgliteWorker('dataDir' in config ? { dataDir: config.dataDir } : {})
  } catch (error) {
    if (!('dataDir' in config)) throw error
    throw new DatabaseOpenError(
      `Could not open the embedded database in ${config.dataDir}: ${(error as Error).message}. ` +
        'Nothing was changed or reset. If another Storyreel process is running on this folder, stop it; ' +
        'otherwise restore the folder from a backup.',
    )
  }
  // PGlite runs in its own thread (db/pglite-worker.mjs) so that its synchronous WASM work never stalls this event
  // loop, and it speaks the wire protocol, so it is reached through pg like PostgreSQL. It is one session: one
  // connection, which also makes a transaction exclusive, as PGlite's own client did. An idle connection does not
  // keep the process alive.
  const pool = new pg.Pool({
    stream: link.connect,
    ssl: false, // not from PGSSLMODE: nothing to encrypt between two threads
    user: 'postgres',
    database: 'postgres',
    max: 1,
    idleTimeoutMillis: 0,
    allowExitOnIdle: true,
  })
  return handleFor(pool, 'pglite', async () => {
    await pool.end()
    await link.close()
  })
}

function handleFor(pool: pg.Pool, kind: DatabaseHandle['kind'], close: () => Promise<void>): DatabaseHandle {
  // An idle client losing its connection (database restart, embedded thread gone) must not crash the process.
  pool.on('error', (error) => console.error('[db] idle client error:', error.message))
  return {
    db: drizzle(pool, { schema }),
    kind,
    query: async (sql, params) => pool.query(sql, params as unknown[]),
    close,
  }
}

function refuseForeignFolder(dataDir: string): void {
  if (fs.existsSync(dataDir) && fs.readdirSync(dataDir).length > 0 && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new DatabaseOpenError(
      `The folder ${dataDir} is not empty but holds no database (PG_VERSION is missing). ` +
        'Nothing was changed. Move it aside or restore it from a backup, then start again.',
    )
  }
  fs.mkdirSync(dataDir, { recursive: true })
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  await migrate(handle.db, { migrationsFolder })
}

/** Where the database lives when nothing says otherwise: DATABASE_URL, else PGlite under STORYREEL_DATA_DIR. */
export function databaseConfigFromEnv(env: NodeJS.ProcessEnv = process.env): DatabaseConfig {
  if (env.DATABASE_URL) return { url: env.DATABASE_URL }
  return { dataDir: path.resolve(env.STORYREEL_DATA_DIR ?? '.data', 'db') }
}

// One handle per process, on globalThis: server/main.ts (run by tsx) and the Next.js server bundle load this module
// separately, and PGlite must never be opened twice on one directory.
const globalKey = Symbol.for('storyreel.database')
type GlobalWithDb = typeof globalThis & { [globalKey]?: Promise<DatabaseHandle> }

export function setDatabase(handle: Promise<DatabaseHandle> | DatabaseHandle): void {
  ;(globalThis as GlobalWithDb)[globalKey] = Promise.resolve(handle)
}

export function getDatabase(): Promise<DatabaseHandle> {
  const store = globalThis as GlobalWithDb
  store[globalKey] ??= openDatabase(databaseConfigFromEnv()).then(async (handle) => {
    await migrateDatabase(handle)
    return handle
  })
  return store[globalKey]
}

export async function getDb(): Promise<Db> {
  return (await getDatabase()).db
}
