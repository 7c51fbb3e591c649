import { describe, expect, it } from 'vitest'
import { InstancePresenceRecordType, PageRecordType, createUserId } from 'tldraw'
import { peerPresenceId, peerPresenceRecord } from './peer-presence'

const declared = InstancePresenceRecordType.create({
  id: InstancePresenceRecordType.createId('theirs'),
  userId: createUserId('someone-important'),
  userName: 'The Director',
  color: '#000000',
  currentPageId: PageRecordType.createId('page'),
  cursor: { x: 40, y: 50, type: 'default', rotation: 0 },
})
const stamped = { id: 'u_kim', name: 'Kim', color: '#e11d48', guest: false }

describe('peerPresenceRecord', () => {
  it('shows a peer under the name and colour the server stamped, not the ones they declared', () => {
    const record = peerPresenceRecord(7, { user: stamped, tldraw: declared })
    expect(record).toMatchObject({
      id: peerPresenceId(7),
      userId: createUserId('u_kim'),
      userName: 'Kim',
      color: '#e11d48',
      cursor: { x: 40, y: 50 },
    })
  })

  it('ignores states without a stamped identity or without tldraw presence', () => {
    expect(peerPresenceRecord(7, { tldraw: declared })).toBeNull()
    expect(peerPresenceRecord(7, { user: stamped })).toBeNull()
    expect(peerPresenceRecord(7, null)).toBeNull()
  })

  it('ignores presence that does not validate', () => {
    expect(peerPresenceRecord(7, { user: stamped, tldraw: { ...declared, cursor: 'here' } })).toBeNull()
  })
})
