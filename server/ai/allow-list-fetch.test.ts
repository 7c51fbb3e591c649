import { describe, expect, it } from 'vitest'
import { createAllowListFetch, isHostAllowed, OutboundHostRefusedError, ProviderTimeoutError, type FetchFunction } from './allow-list-fetch'
import { startFakeImageServer } from './testing/fake-image-server'

describe('isHostAllowed', () => {
  const hosts = ['api.openai.com', '*.fal.media', '127.0.0.1:8000']
  it.each([
    ['https://api.openai.com/v1/images', true],
    ['https://v3.fal.media/files/x.png', true],
    ['https://fal.media.evil.com/x', false],
    ['https://evilfal.media/x', false],
    ['https://api.openai.com:8443/v1', false],
    ['http://127.0.0.1:8000/v1', true],
    ['http://127.0.0.1:8001/v1', false],
    ['http://169.254.169.254/latest/meta-data', false],
  ])('%s → %s', (url, allowed) => {
    expect(isHostAllowed(new URL(url), hosts)).toBe(allowed)
  })
})

describe('createAllowListFetch', () => {
  it('refuses another host before anything is sent', async () => {
    const calls: string[] = []
    const spy: FetchFunction = async (input) => {
      calls.push(String(input))
      return new Response('ok')
    }
    const fetch = createAllowListFetch({ allowedHosts: ['api.openai.com'], timeoutMs: 1000, fetch: spy })
    await expect(fetch('https://example.com/steal?key=1', { method: 'POST' })).rejects.toBeInstanceOf(OutboundHostRefusedError)
    await expect(fetch('file:///etc/passwd')).rejects.toBeInstanceOf(OutboundHostRefusedError)
    expect(calls).toEqual([])
    await fetch('https://api.openai.com/v1/images/generations')
    expect(calls).toHaveLength(1)
  })

  it('follows a redirect within the allowed hosts and refuses one that leaves them', async () => {
    const server = await startFakeImageServer()
    try {
      const fetch = createAllowListFetch({ allowedHosts: [server.host], timeoutMs: 1000 })
      server.script({ status: 302, headers: { location: '/v1/other' } }, { status: 200, json: { ok: true } })
      const response = await fetch(`${server.baseUrl}/first`)
      expect(await response.json()).toEqual({ ok: true })
      expect(server.requests.map((r) => r.url)).toEqual(['/v1/first', '/v1/other'])

      server.script({ status: 302, headers: { location: 'http://169.254.169.254/latest/meta-data' } })
      await expect(fetch(`${server.baseUrl}/again`)).rejects.toThrow('Outbound call to 169.254.169.254 refused')
    } finally {
      await server.close()
    }
  })

  it('gives up after the time limit with its own error', async () => {
    const server = await startFakeImageServer()
    try {
      server.script({ hang: true })
      const fetch = createAllowListFetch({ allowedHosts: [server.host], timeoutMs: 200 })
      await expect(fetch(`${server.baseUrl}/slow`)).rejects.toBeInstanceOf(ProviderTimeoutError)
    } finally {
      await server.close()
    }
  })
})
