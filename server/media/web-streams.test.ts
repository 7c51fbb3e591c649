import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { webStreamFrom } from './web-streams'

// The recheck that lets a revoked guest's open media response end: asked on a timer, not per read, so a player
// that has stopped reading (paused, buffered enough) is cut off too.

const chunks = (count: number, size = 1024) => Readable.from(Array.from({ length: count }, () => Buffer.alloc(size, 1)))
const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe('webStreamFrom with a recheck', () => {
  it('ends a stream nobody is reading once access ends, and destroys the file stream', async () => {
    const source = chunks(1000)
    let allowed = true
    const body = webStreamFrom(source, { everyMs: 20, stillAllowed: async () => allowed })
    const reader = body.getReader()
    expect((await reader.read()).value?.byteLength).toBe(1024)
    // A reader that stops reading, still allowed: nothing happens across several checks.
    await tick(100)
    expect(source.destroyed).toBe(false)
    allowed = false
    await expect.poll(() => source.destroyed).toBe(true)
    await expect(reader.read()).rejects.toThrow('Access to this file ended while it was being sent.')
  })

  it('treats a check that fails (the database unreachable) as access ended', async () => {
    const source = chunks(1000)
    const body = webStreamFrom(source, { everyMs: 20, stillAllowed: () => Promise.reject(new Error('connection refused')) })
    const reader = body.getReader()
    await reader.read()
    await expect.poll(() => source.destroyed).toBe(true)
    await expect(reader.read()).rejects.toThrow('Access to this file ended')
  })

  it('stops checking once the body has been read to the end or cancelled', async () => {
    let checks = 0
    const stillAllowed = async () => {
      checks += 1
      return true
    }
    const whole = webStreamFrom(chunks(3), { everyMs: 10, stillAllowed })
    const received = await new Response(whole).arrayBuffer()
    expect(received.byteLength).toBe(3 * 1024)
    const cancelled = webStreamFrom(chunks(1000), { everyMs: 10, stillAllowed })
    await cancelled.cancel()
    const after = checks
    await tick(60)
    expect(checks).toBe(after)
  })
})
