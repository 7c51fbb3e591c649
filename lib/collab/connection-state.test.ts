import { describe, expect, it } from 'vitest'
import { connectionStatus, type ConnectionFacts } from './connection-state'

const base: ConnectionFacts = {
  socketOpen: false,
  synced: false,
  readOnly: false,
  accessKnown: true,
  deniedReason: null,
  browserOffline: false,
  failedAttempts: 0,
  everConnected: false,
}

describe('connection status', () => {
  it('is connected only once synced, and read-only for viewers', () => {
    expect(connectionStatus({ ...base, socketOpen: true })).toBe('connecting')
    expect(connectionStatus({ ...base, socketOpen: true, synced: true })).toBe('connected')
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, readOnly: true })).toBe('read-only')
  })

  it('is not connected before the server has said what this session may do, even when the socket synced first', () => {
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, accessKnown: false })).toBe('connecting')
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, accessKnown: false, everConnected: true })).toBe('connecting')
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, accessKnown: false, readOnly: true })).toBe('connecting')
  })

  it('says reconnecting after a drop, then offline after repeated failures or when the browser is offline', () => {
    expect(connectionStatus({ ...base, everConnected: true, failedAttempts: 1 })).toBe('reconnecting')
    expect(connectionStatus({ ...base, everConnected: true, failedAttempts: 3 })).toBe('offline')
    expect(connectionStatus({ ...base, everConnected: true, browserOffline: true })).toBe('offline')
  })

  it('puts a refusal above everything else', () => {
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, deniedReason: 'Access removed' })).toBe('denied')
  })
})
