import { describe, expect, it } from 'vitest'
import { connectionStatus, type ConnectionFacts } from './connection-state'

const base: ConnectionFacts = {
  socketOpen: false,
  synced: false,
  readOnly: false,
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

  it('says reconnecting after a drop, then offline after repeated failures or when the browser is offline', () => {
    expect(connectionStatus({ ...base, everConnected: true, failedAttempts: 1 })).toBe('reconnecting')
    expect(connectionStatus({ ...base, everConnected: true, failedAttempts: 3 })).toBe('offline')
    expect(connectionStatus({ ...base, everConnected: true, browserOffline: true })).toBe('offline')
  })

  it('puts a refusal above everything else', () => {
    expect(connectionStatus({ ...base, socketOpen: true, synced: true, deniedReason: 'Access removed' })).toBe('denied')
  })
})
