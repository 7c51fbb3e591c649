import { describe, expect, it } from 'vitest'
import { clientIp, clientIpHeader, resolveClientIp } from './client-ip'

describe('client address for rate limits', () => {
  it('uses the socket address unless a trusted proxy is configured', () => {
    expect(resolveClientIp('203.0.113.9, 10.0.0.1', '127.0.0.1', false)).toBe('127.0.0.1')
    expect(resolveClientIp('203.0.113.9, 10.0.0.1', '10.0.0.1', true)).toBe('203.0.113.9')
    expect(resolveClientIp(undefined, '10.0.0.1', true)).toBe('10.0.0.1')
  })

  it('reads only the header the server stamps', () => {
    expect(clientIp({ 'x-forwarded-for': '1.2.3.4' })).toBe('unknown')
    expect(clientIp(new Headers({ [clientIpHeader]: '5.6.7.8' }))).toBe('5.6.7.8')
  })
})
