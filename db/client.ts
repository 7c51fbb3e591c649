import fs from 'node:fs'
import path from 'node:path'
import { drizzle as drizzlePg, type NodePgDatabase } from 'drizzle-orm/node-postgres'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { PGlite } from '@electric-sql/pglite'
import pg from 'pg'
import * as schema from './schema'

// Both drivers expose the same query builder; we type against node-postgres and keep driver specifics in this file.
export type Db = NodePgDatabase<typeof schema>

export interface DatabaseHandle {
  db: Db
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
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on('error', (error) => console.error('[db] idle client error:', error.message))
    return {
      db: drizzlePg(pool, { schema }),
      kind: 'postgres',
      query: async (sql, params) => pool.query(sql, params as unknown[]),
      close: () => pool.end(),
    }
  }
  const { PGlite } = await import('@electric-sql/pglite')
  let client: PGlite
  if ('memory' in config) {
    client = new PGlite()
  } else {
    client = await openPgliteDirectory(PGlite, config.dataDir)
  }
  await client.waitReady
  return {
    db: drizzlePglite(client, { schema }) as unknown as Db,
    kind: 'pglite',
    query: async (sql, params) => client.query<Record<string, unknown>>(sql, params as unknown[]),
    close: () => client.close(),
  }
}

async function openPgliteDirectory(PGliteClass: typeof PGlite, dataDir: string): Promise<PGlite> {
  const exists = fs.existsSync(dataDir)
  if (exists && fs.readdirSync(dataDir).length > 0 && !fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    throw new DatabaseOpenError(
      `The folder ${dataDir} is not empty but holds no database (PG_VERSION is missing). ` +
        'Nothing was changed. Move it aside or restore it from a backup, then start again.',
    )
  }
  fs.mkdirSync(dataDir, { recursive: true })
  try {
    const client = new PGliteClass(dataDir)
    await client.waitReady
    return client
  } catch (error) {
    throw new DatabaseOpenError(
      `Could not open the embedded database in ${dataDir}: ${(error as Error).message}. ` +
        'Nothing was changed or reset. If another Storyreel process is running on this folder, stop it; ' +
        'otherwise restore the folder from a backup.',
    )
  }
}

export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
  if (handle.kind === 'postgres') {
    await migratePg(handle.db, { migrationsFolder })
  } else {
    await migratePglite(handle.db as unknown as Parameters<typeof migratePglite>[0], { migrationsFolder })
  }
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
