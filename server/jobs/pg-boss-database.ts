import type PgBoss from 'pg-boss'
import type { Pool } from 'pg'
import type { DatabaseHandle } from '@/db/client'

// pg-boss talks to the database through one method, executeSql(text, values). This adapts our database handle to it.
// Both databases are reached through node-postgres (the embedded PGlite answers the wire protocol from its own thread,
// see db/client.ts), so pg-boss's multi-statement texts ("BEGIN; SET LOCAL …; …; COMMIT;", no values) go out as one
// simple-protocol query on either. If one of them fails, pg's pool discards that connection, and the session is
// rolled back before the next one starts.

export type QueueSql = PgBoss.Db

export function pgBossDatabase(handle: DatabaseHandle): QueueSql {
  return { executeSql: (text, values) => handle.query(text, values) }
}

/**
 * Runs fn inside one database transaction, giving it a QueueSql bound to that transaction (pg-boss calls take it as
 * `{ db }`). On PGlite the pool has one connection and the callback holds it: inside it, use only the given QueueSql,
 * never getDatabase() or pg-boss without `{ db }`, or the call waits for a connection it already holds.
 */
export async function withQueueTransaction<T>(handle: DatabaseHandle, fn: (sql: QueueSql) => Promise<T>): Promise<T> {
  const connection = await pool(handle).connect()
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

// The handle hides its pool; drizzle keeps it on `$client` (not in our Db type).
function pool(handle: DatabaseHandle): Pool {
  const client = (handle.db as unknown as { $client?: Pool }).$client
  if (!client) throw new Error('The database handle does not expose its driver client ($client).')
  return client
}
