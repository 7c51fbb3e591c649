import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateDatabase, openDatabase, type DatabaseHandle } from './client'
import type { Pool } from 'pg'

// The embedded PGlite in its own thread, reached through pg: what the rest of the app relies on.

const poolOf = (handle: DatabaseHandle) => (handle.db as unknown as { $client: Pool }).$client

describe('embedded database in a worker thread', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openDatabase({ memory: true })
    await handle.query('create table probe (id serial primary key, note text not null)')
  })
  afterAll(() => handle.close())

  it('keeps this thread responsive while PGlite works', async () => {
    let longestGap = 0
    let last = performance.now()
    const ticker = setInterval(() => {
      const now = performance.now()
      longestGap = Math.max(longestGap, now - last)
      last = now
    }, 5)
    const started = performance.now()
    await handle.query('select count(*) from generate_series(1, 3000000)')
    const took = performance.now() - started
    clearInterval(ticker)
    // In this thread the query would have blocked every timer for its whole duration.
    expect(took).toBeGreaterThan(150)
    expect(longestGap).toBeLessThan(took / 2)
  })

  it('makes a transaction exclusive: a query from outside waits for the commit and sees it', async () => {
    const order: string[] = []
    let outside: Promise<unknown> = Promise.resolve()
    await handle.db.transaction(async (tx) => {
      await tx.execute("insert into probe (note) values ('in the transaction')")
      outside = handle.query("select count(*)::int as n from probe where note = 'in the transaction'").then((result) => {
        order.push(`outside saw ${result.rows[0]?.n}`)
      })
      await new Promise((resolve) => setTimeout(resolve, 50))
      order.push('commit')
    })
    await outside
    expect(order).toEqual(['commit', 'outside saw 1'])
  })

  it('rolls back what a connection left open when it goes away, and the next connection works', async () => {
    const client = await poolOf(handle).connect()
    await client.query('begin')
    await client.query("insert into probe (note) values ('abandoned')")
    client.release(new Error('connection dropped mid-transaction'))
    const { rows } = await handle.query("select count(*)::int as n from probe where note = 'abandoned'")
    expect(rows[0]?.n).toBe(0)
  })

  it('answers a bad query with its error and carries on', async () => {
    await expect(handle.query('select * from no_such_table')).rejects.toThrow('relation "no_such_table" does not exist')
    await expect(handle.query('insert into probe (note) values (null)')).rejects.toThrow('violates not-null constraint')
    expect((await handle.query('select 41 + 1 as n')).rows[0]).toEqual({ n: 42 })
  })

  it('returns bytea as a Buffer, as PostgreSQL through pg does', async () => {
    const { rows } = await handle.query('select $1::bytea as b', [Buffer.from([0, 1, 254, 255])])
    expect(Buffer.isBuffer(rows[0]?.b)).toBe(true)
    expect([...(rows[0]?.b as Buffer)]).toEqual([0, 1, 254, 255])
  })
})

describe('embedded database on disk', () => {
  it('keeps what was written across close and reopen', async () => {
    const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-worker-db-')), 'db')
    const first = await openDatabase({ dataDir: dir })
    await migrateDatabase(first)
    await first.query("insert into users (id, email, name) values ('u-kept', 'kept@example.com', 'Kept')")
    await first.close()
    const second = await openDatabase({ dataDir: dir })
    try {
      expect((await second.query('select name from users')).rows).toEqual([{ name: 'Kept' }])
    } finally {
      await second.close()
    }
  })

  it('refuses a folder PGlite cannot open, saying so, and leaves it as it was', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-bad-db-'))
    fs.writeFileSync(path.join(dir, 'PG_VERSION'), 'not a database\n')
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/Could not open the embedded database in .*Nothing was changed or reset/)
    expect(fs.readdirSync(dir)).toEqual(['PG_VERSION'])
  })

  it('does not keep a script alive once its queries are done, even if it never closes the database', async () => {
    const script = `
      const { openDatabase } = await import(${JSON.stringify(path.join(process.cwd(), 'db', 'client.ts'))})
      const handle = await openDatabase({ memory: true })
      console.log(JSON.stringify((await handle.query('select 1 as one')).rows))
    `
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      timeout: 60_000,
    })
    expect(stdout.trim()).toBe('[{"one":1}]')
  })
})
