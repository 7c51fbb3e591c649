import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { pgBossDatabase, withQueueTransaction } from './pg-boss-database'

// The adapter between pg-boss and our database handle, on both drivers.

let handle: DatabaseHandle
beforeAll(async () => {
  handle = await openTestDatabase()
})
afterAll(() => handle.close())

// The shape of pg-boss's schema creation and maintenance commands (plans.locked()).
const lockedCommand = (body: string) => `BEGIN; SET LOCAL lock_timeout = '30s'; ${body}; COMMIT;`

describe('pgBossDatabase', () => {
  it("runs pg-boss's multi-statement commands (schema creation, maintenance) as one command", async () => {
    const text = lockedCommand('CREATE TABLE boss_probe (a int); INSERT INTO boss_probe VALUES (1)')
    await pgBossDatabase(handle).executeSql(text, undefined as unknown as unknown[])
    expect((await handle.query('SELECT count(*)::int AS n FROM boss_probe')).rows[0]?.n).toBe(1)
  })

  it('rolls back a failing multi-statement command and leaves the connection usable', async () => {
    const text = lockedCommand('CREATE TABLE boss_half_done (a int); SELECT 1/0')
    await expect(pgBossDatabase(handle).executeSql(text, undefined as unknown as unknown[])).rejects.toThrow('division by zero')
    // On PGlite the pool's one connection must not stay inside the aborted transaction, failing every later query.
    const { rows } = await handle.query("SELECT to_regclass('boss_half_done') AS t")
    expect(rows[0]?.t).toBeNull()
  })

  it('returns the rows of a single statement with values', async () => {
    const { rows } = await pgBossDatabase(handle).executeSql('SELECT $1::int + 1 AS n', [41])
    expect(rows).toEqual([{ n: 42 }])
  })
})

describe('withQueueTransaction', () => {
  const jobId = '0f8fad5b-d9cb-469f-a165-70867728950e'
  const count = async () => Number((await handle.query('SELECT count(*) AS n FROM job_progress WHERE job_id = $1', [jobId])).rows[0]?.n)

  it('commits what the callback wrote', async () => {
    await withQueueTransaction(handle, (db) => db.executeSql("INSERT INTO job_progress (job_id, queue) VALUES ($1, 'q')", [jobId]))
    expect(await count()).toBe(1)
    await handle.query('DELETE FROM job_progress WHERE job_id = $1', [jobId])
  })

  it('rolls back when the callback throws', async () => {
    const failing = withQueueTransaction(handle, async (db) => {
      await db.executeSql("INSERT INTO job_progress (job_id, queue) VALUES ($1, 'q')", [jobId])
      throw new Error('pg-boss refused the job')
    })
    await expect(failing).rejects.toThrow('pg-boss refused the job')
    expect(await count()).toBe(0)
  })
})
