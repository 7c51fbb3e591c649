// The y-websocket wire protocol (y-protocols sync + awareness), decoded strictly: a frame either parses completely
// into one of these messages or is rejected, so the room never acts on half-understood input.
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'

const messageSync = 0
const messageAwareness = 1
const messageAuth = 2
const messageQueryAwareness = 3

const syncStep1 = 0
const syncStep2 = 1
const syncUpdate = 2

export type ClientMessage =
  | { kind: 'sync-step-1'; stateVector: Uint8Array }
  | { kind: 'sync-step-2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'awareness'; update: Uint8Array }
  | { kind: 'query-awareness' }
  /** y-protocols' auth message; clients never need to send it and it is ignored. */
  | { kind: 'auth' }

export class ProtocolError extends Error {
  override name = 'ProtocolError'
}

export function decodeClientMessage(data: Uint8Array): ClientMessage {
  try {
    const decoder = decoding.createDecoder(data)
    const message = readMessage(decoder)
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the message')
    return message
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError((error as Error).message)
  }
}

function readMessage(decoder: decoding.Decoder): ClientMessage {
  const type = decoding.readVarUint(decoder)
  switch (type) {
    case messageSync: {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === syncStep1) {
        Y.decodeStateVector(payload) // throws on a malformed state vector
        return { kind: 'sync-step-1', stateVector: payload }
      }
      if (step === syncStep2) return { kind: 'sync-step-2', update: payload }
      if (step === syncUpdate) return { kind: 'update', update: payload }
      throw new ProtocolError(`unknown sync step ${step}`)
    }
    case messageAwareness:
      return { kind: 'awareness', update: decoding.readVarUint8Array(decoder) }
    case messageQueryAwareness:
      return { kind: 'query-awareness' }
    case messageAuth:
      decoding.readVarUint(decoder)
      decoding.readVarString(decoder)
      return { kind: 'auth' }
    default:
      throw new ProtocolError(`unknown message type ${type}`)
  }
}

export interface AwarenessEntry {
  clientId: number
  clock: number
  state: Record<string, unknown> | null
}

/** An awareness update's entries; states must be JSON objects or null (what every y-protocols client sends). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  try {
    const decoder = decoding.createDecoder(update)
    const count = decoding.readVarUint(decoder)
    // Each entry takes at least three bytes, so a count beyond that is a lie (and must not drive a long loop).
    if (count > update.byteLength) throw new ProtocolError(`awareness update claims ${count} entries in ${update.byteLength} bytes`)
    const entries: AwarenessEntry[] = []
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder)
      const clock = decoding.readVarUint(decoder)
      const state: unknown = JSON.parse(decoding.readVarString(decoder))
      if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
        throw new ProtocolError('awareness state must be an object or null')
      }
      entries.push({ clientId, clock, state: state as Record<string, unknown> | null })
    }
    if (decoding.hasContent(decoder)) throw new ProtocolError('trailing bytes after the awareness update')
    return entries
  } catch (error) {
    if (error instanceof ProtocolError) throw error
    throw new ProtocolError(`malformed awareness update: ${(error as Error).message}`)
  }
}

export function encodeAwarenessUpdate(entries: readonly AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, entries.length)
  for (const entry of entries) {
    encoding.writeVarUint(encoder, entry.clientId)
    encoding.writeVarUint(encoder, entry.clock)
    encoding.writeVarString(encoder, JSON.stringify(entry.state))
  }
  return encoding.toUint8Array(encoder)
}

function frame(write: (encoder: encoding.Encoder) => void): Uint8Array {
  const encoder = encoding.createEncoder()
  write(encoder)
  return encoding.toUint8Array(encoder)
}

export const syncStep1Message = (doc: Y.Doc) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    encoding.writeVarUint(e, syncStep1)
    encoding.writeVarUint8Array(e, Y.encodeStateVector(doc))
  })

export const syncStep2Message = (doc: Y.Doc, stateVector: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    encoding.writeVarUint(e, syncStep2)
    encoding.writeVarUint8Array(e, Y.encodeStateAsUpdate(doc, stateVector))
  })

export const updateMessage = (update: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageSync)
    encoding.writeVarUint(e, syncUpdate)
    encoding.writeVarUint8Array(e, update)
  })

export const awarenessMessage = (awarenessUpdate: Uint8Array) =>
  frame((e) => {
    encoding.writeVarUint(e, messageAwareness)
    encoding.writeVarUint8Array(e, awarenessUpdate)
  })

export const queryAwarenessMessage = () => frame((e) => encoding.writeVarUint(e, messageQueryAwareness))
