// The readiness aggregator against real checks (PGlite, a pg pool on a closed port, local disk) and a few stand-in
// checks for what is hard to produce for real (a dependency that hangs).
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type DatabaseHandle } from '@/db/client'
import { openTestDatabase } from '@/db/test-database'
import { LocalDiskStorage } from '@/server/media/storage/local-disk-storage'
import { createReadiness } from './readiness'
import { databaseCheck, notStoppingCheck, storageCheck } from './readiness-checks'
import { closedPort } from './testing/closed-port'

let database: DatabaseHandle
let mediaRoot: string

beforeAll(async () => {
  database = await openTestDatabase()
  mediaRoot = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-readiness-'))
})

afterAll(async () => {
  await database?.close()
  await fs.rm(mediaRoot, { recursive: true, force: true })
})

describe('readiness', () => {
  it('is ready when the database, storage and process answer, with each check timed', async () => {
    const storage = new LocalDiskStorage(mediaRoot)
    const readiness = createReadiness({
      database: databaseCheck(database),
      storage: storageCheck(() => storage),
      shutdown: notStoppingCheck(() => false),
    })
    const report = await readiness.check()
    expect(report.status).toBe('ready')
    expect(Object.keys(report.checks).sort()).toEqual(['database', 'shutdown', 'storage'])
    for (const result of Object.values(report.checks)) {
      expect(result.status).toBe('ok')
      expect(result.latencyMs).toBeGreaterThanOrEqual(0)
    }
  })

  it('is not ready, naming the database, when PostgreSQL does not answer', async () => {
    const unreachable = await openDatabase({ url: `postgres://storyreel@127.0.0.1:${await closedPort()}/storyreel` })
    try {
      const lines: string[] = []
      const readiness = createReadiness(
        { database: databaseCheck(unreachable), shutdown: notStoppingCheck(() => false) },
        { log: (line) => lines.push(line) },
      )
      const report = await readiness.check()
      expect(report.status).toBe('not ready')
      expect(report.checks.database).toMatchObject({ status: 'failed', error: 'failed' })
      expect(report.checks.shutdown?.status).toBe('ok')
      // The driver's message (host, port) is for the operator's log, not for the unauthenticated page.
      expect(JSON.stringify(report)).not.toContain('ECONNREFUSED')
      expect(lines.join('\n')).toContain('ECONNREFUSED')
      // Logged when it starts failing, not again on every probe.
      await readiness.check()
      expect(lines).toHaveLength(1)
    } finally {
      await unreachable.close()
    }
  })

  it('is not ready once shutdown has begun, or when storage refuses', async () => {
    let stopping = false
    const readiness = createReadiness({
      shutdown: notStoppingCheck(() => stopping),
      storage: storageCheck(() => {
        throw new Error('S3_BUCKET is set but S3_REGION is not')
      }),
    })
    const first = await readiness.check()
    expect(first.checks.shutdown?.status).toBe('ok')
    expect(first.checks.storage?.status).toBe('failed')
    stopping = true
    expect((await readiness.check()).checks.shutdown?.status).toBe('failed')
  })

  it('answers within its time limit when a check hangs, and does not pile up calls to the hung dependency', async () => {
    let calls = 0
    let release!: () => void
    const hung = new Promise<void>((resolve) => (release = resolve))
    const readiness = createReadiness(
      {
        database: () => {
          calls += 1
          return hung
        },
        shutdown: notStoppingCheck(() => false),
      },
      { timeoutMs: 100 },
    )
    const started = performance.now()
    const report = await readiness.check()
    expect(performance.now() - started).toBeLessThan(1_000)
    expect(report.status).toBe('not ready')
    expect(report.checks.database).toMatchObject({ status: 'failed', error: 'timed out' })
    await readiness.check()
    expect(calls).toBe(1)
    // Once the stuck call returns, the next probe asks again, and passes.
    release()
    await hung
    await new Promise((resolve) => setTimeout(resolve, 0))
    expect((await readiness.check()).status).toBe('ready')
    expect(calls).toBe(2)
  })
})
