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
  const name = `storyreel_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: adminUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(adminUrl)
  url.pathname = `/${name}`
  const handle = await openDatabase({ url: url.toString() })
  return {
    ...handle,
    close: async () => {
      await handle.close()
      const cleanup = new pg.Client({ connectionString: adminUrl })
      await cleanup.connect()
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await cleanup.end()
    },
  }
}
