// Client frames built by hand (lib0 + y-protocols, independent of the server's own protocol module), for raw-socket
// tests and the fuzzer.
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

export function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const syncStep1Frame = (stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint8Array(e, stateVector)
  })

export const updateFrame = (update: Uint8Array, step: 1 | 2 = 2) =>
  frame((e) => {
    encoding.writeVarUint(e, 0)
    encoding.writeVarUint(e, step)
    encoding.writeVarUint8Array(e, update)
  })

export const awarenessFrame = (entries: { clientId: number; clock: number; state: unknown }[]) =>
  frame((e) => {
    encoding.writeVarUint(e, 1)
    encoding.writeVarUint8Array(
      e,
      frame((inner) => {
        encoding.writeVarUint(inner, entries.length)
        for (const entry of entries) {
          encoding.writeVarUint(inner, entry.clientId)
          encoding.writeVarUint(inner, entry.clock)
          encoding.writeVarString(inner, JSON.stringify(entry.state))
        }
      }),
    )
  })

export const queryAwarenessFrame = () => frame((e) => encoding.writeVarUint(e, 3))

/** A real Yjs update that appends `items` to the document's test log. */
export function logUpdate(items: string[], clientId?: number): Uint8Array {
  const doc = new Y.Doc()
  if (clientId !== undefined) doc.clientID = clientId
  doc.getArray<string>('log').push(items)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
