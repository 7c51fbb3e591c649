import type { PGlite, Transaction } from '@electric-sql/pglite'
import type PgBoss from 'pg-boss'
import type { Pool } from 'pg'
import type { DatabaseHandle } from '@/db/client'

// pg-boss talks to the database through one method, executeSql(text, values). This adapts our database handle to it.
//
// PGlite needs one fix. pg-boss sends its schema creation, migrations and maintenance as one multi-statement text
// ("BEGIN; SET LOCAL …; SELECT pg_advisory_xact_lock(…); …; COMMIT;") with no values. PGlite's query() uses the
// extended protocol, which refuses that with "cannot insert multiple commands into a prepared statement"; its exec()
// runs the simple protocol like pg does. We run such texts with exec() inside PGlite's own transaction(): PGlite holds
// its connection lock for the whole call (so nothing else interleaves on its single connection) and rolls back if a
// statement fails, where a bare exec() would leave the connection stuck in an aborted transaction. The inner
// BEGIN/COMMIT only draw warnings inside it. Everything else (send, fetch, complete, fail…) is one statement with
// values and goes through the handle's query() unchanged.

export type QueueSql = PgBoss.Db

export function pgBossDatabase(handle: DatabaseHandle): QueueSql {
  if (handle.kind === 'postgres') {
    return { executeSql: (text, values) => handle.query(text, values) }
  }
  const client = pgliteClient(handle)
  return {
    executeSql: async (text, values) => {
      if (values !== undefined && values.length > 0) return handle.query(text, values)
      return client.transaction(async (tx) => lastResult(await tx.exec(text)))
    },
  }
}

/**
 * Runs fn inside one database transaction, giving it a QueueSql bound to that transaction (pg-boss calls take it as
 * `{ db }`). On PGlite the whole callback holds the single connection: inside it, use only the given QueueSql, never
 * getDatabase() or pg-boss without `{ db }`, or the call waits for a lock it already holds.
 */
export async function withQueueTransaction<T>(handle: DatabaseHandle, fn: (sql: QueueSql) => Promise<T>): Promise<T> {
  if (handle.kind === 'pglite') {
    return pgliteClient(handle).transaction((tx: Transaction) =>
      fn({ executeSql: async (text, values) => tx.query<Record<string, unknown>>(text, values) }),
    )
  }
  const connection = await postgresPool(handle).connect()
  try {
    await connection.query('BEGIN')
    const result = await fn({ executeSql: (text, values) => connection.query(text, values) })
    await connection.query('COMMIT')
    return result
  } catch (error) {
    await connection.query('ROLLBACK').catch(() => {})
    throw error
  } finally {
    connection.release()
  }
}

// The handle hides its driver; drizzle keeps it on `$client` (not in our Db type, which is node-postgres for both
// drivers). `kind` says which one it is.
function driverClient(handle: DatabaseHandle): unknown {
  const client = (handle.db as unknown as { $client?: unknown }).$client
  if (!client) throw new Error('The database handle does not expose its driver client ($client).')
  return client
}

function pgliteClient(handle: DatabaseHandle): PGlite {
  return driverClient(handle) as PGlite
}

function postgresPool(handle: DatabaseHandle): Pool {
  return driverClient(handle) as Pool
}

function lastResult(results: { rows: unknown[] }[]): { rows: unknown[] } {
  return results.at(-1) ?? { rows: [] }
}
