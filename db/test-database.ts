import pg from 'pg'
import { migrateDatabase, openDatabase, setDatabase, type DatabaseHandle } from './client'

/**
 * A fresh, migrated database for one test file, installed as the process-wide database.
 * PGlite in memory by default; a throw-away PostgreSQL database when STORYREEL_TEST_DB=postgres
 * (the vitest "postgres" project, enabled by TEST_DATABASE_URL).
 */
export async function openTestDatabase(): Promise<DatabaseHandle> {
  const handle = process.env.STORYREEL_TEST_DB === 'postgres' ? await openPostgresTestDatabase() : await openDatabase({ memory: true })
  await migrateDatabase(handle)
  setDatabase(handle)
  return handle
}

async function openPostgresTestDatabase(): Promise<DatabaseHandle> {
  const adminUrl = process.env.TEST_DATABASE_URL
  if (!adminUrl) throw new Error('STORYREEL_TEST_DB=postgres needs TEST_DATABASE_URL')
  const throwaway = await createThrowawayPostgresDatabase(adminUrl, 'storyreel_test')
  const handle = await openDatabase({ url: throwaway.url })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      await throwaway.drop()
    },
  }
}

/** A new, empty PostgreSQL database next to `adminUrl`'s, for tests and benchmarks; drop() removes it. */
export async function createThrowawayPostgresDatabase(adminUrl: string, prefix: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  await runAdminQuery(adminUrl, `CREATE DATABASE ${name}`)
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => runAdminQuery(adminUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

async function runAdminQuery(adminUrl: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  try {
    await admin.query(sql)
  } finally {
    await admin.end()
  }
}
