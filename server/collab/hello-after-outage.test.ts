// Two rooms of one document on two instances, joined by a stand-in for Redis pub/sub that can drop messages: after an
// outage during which both sides were edited, the first hello is lost (the other instance had not subscribed again
// yet); the second must still bring both rooms to the same document.
import { expect, it } from 'vitest'
import * as Y from 'yjs'
import { parseDocName } from '@/lib/collab/doc-name'
import { noCollabMetrics } from './collab-metrics-sink'
import type { FanoutKind } from './fanout'
import { Room, type RoomServices } from './room'

it('rooms converge after an outage even when the first hello is lost', () => {
  const name = parseDocName('board:p1')
  if (!name) throw new Error('bad doc name')
  let deliver = true
  const rooms: Room[] = []
  const services = (index: number): RoomServices => ({
    maxDocBytes: 1 << 20,
    persist: () => {},
    claimPanel: () => {},
    metrics: noCollabMetrics,
    log: () => {},
    publish: (_docId: string, kind: FanoutKind, payload: Uint8Array) => {
      if (deliver) rooms[1 - index]!.receiveRemote(kind, payload)
    },
  })
  rooms.push(new Room(name, [], services(0)), new Room(name, [], services(1)))
  const [a, b] = rooms as [Room, Room]
  a.doc.getArray<string>('log').push(['before'])
  expect(b.doc.getArray<string>('log').toArray()).toEqual(['before'])

  deliver = false
  a.doc.getArray<string>('log').push(['A during the outage'])
  b.doc.getArray<string>('log').push(['B during the outage'])
  a.sayHello() // lost: B has not subscribed again
  deliver = true
  b.sayHello()

  const contents = (room: Room) => [...room.doc.getArray<string>('log').toArray()].sort()
  expect(contents(a)).toEqual(['A during the outage', 'B during the outage', 'before'])
  expect(contents(b)).toEqual(contents(a))
  expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
})
