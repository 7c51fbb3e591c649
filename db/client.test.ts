import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sql } from 'drizzle-orm'
import { openTestDatabase } from './test-database'
import { DatabaseOpenError, migrateDatabase, openDatabase, type DatabaseHandle } from './client'
import { users } from './schema'

describe('database client', () => {
  let handle: DatabaseHandle
  beforeAll(async () => {
    handle = await openTestDatabase()
  })
  afterAll(() => handle.close())

  it('applies the committed migrations and round-trips a row', async () => {
    const [row] = await handle.db.insert(users).values({ email: 'a@example.com', name: 'A' }).returning()
    expect(row?.email).toBe('a@example.com')
    const result = await handle.db.execute(sql`select count(*)::int as n from users`)
    expect(result.rows[0]).toMatchObject({ n: 1 })
  })

  it('migrating twice is a no-op', async () => {
    await expect(migrateDatabase(handle)).resolves.toBeUndefined()
  })
})

describe('embedded data directory', () => {
  it('refuses a non-empty folder that holds no database instead of resetting it', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-corrupt-'))
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'precious')
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DatabaseOpenError)
    expect(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8')).toBe('precious')
  })
})
