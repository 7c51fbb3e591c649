// Fuzzing the wire protocol: random bytes and mutations of valid frames (fast-check), an independent judge of which
// frames are malformed, and lanes that push frames at a server and watch what each socket does.
import fc from 'fast-check'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { openRawSocket, type Headers } from './clients'
import { awarenessFrame, queryAwarenessFrame, syncStep1Frame, updateFrame } from './frames'

function validFrames(): Uint8Array[] {
  const doc = new Y.Doc()
  doc.clientID = 123456
  const sv0 = Y.encodeStateVector(doc)
  doc.getArray<string>('log').push(['a', 'b', 'c'])
  const text = doc.getText('notes')
  text.insert(0, 'Int. night — rain')
  const firstUpdate = Y.encodeStateAsUpdate(doc, sv0)
  const sv1 = Y.encodeStateVector(doc)
  doc.getMap('panels').set('p1', new Y.Map([['timing', 48]]))
  text.delete(0, 5)
  const secondUpdate = Y.encodeStateAsUpdate(doc, sv1)
  const frames = [
    syncStep1Frame(sv0),
    syncStep1Frame(sv1),
    updateFrame(firstUpdate, 2),
    updateFrame(secondUpdate, 1),
    awarenessFrame([{ clientId: 42, clock: 3, state: { cursor: { x: 1, y: 2 } } }]),
    awarenessFrame([{ clientId: 43, clock: 1, state: null }]),
    queryAwarenessFrame(),
  ]
  doc.destroy()
  return frames
}

type Mutation = (bytes: number[]) => void
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })).map(([at, value]): Mutation => (b) => void (b.length && (b[at % b.length] = value))),
  fc.tuple(fc.nat(), fc.integer({ min: 0, max: 7 })).map(([at, bit]): Mutation => (b) => void (b.length && (b[at % b.length]! ^= 1 << bit))),
  fc.nat().map((at): Mutation => (b) => void b.splice(at % (b.length + 1))),
  fc.tuple(fc.nat(), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([at, bytes]): Mutation => (b) => void b.splice(at % (b.length + 1), 0, ...bytes)),
  fc.nat().map((at): Mutation => (b) => void (b.length && b.splice(at % b.length, 1))),
)

/** Random frames (a quarter) and mutated valid frames (three quarters), reproducible from `seed`. */
export function fuzzFrames(count: number, seed: number): Uint8Array[] {
  const bases = validFrames()
  const mutated = fc
    .tuple(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 4 }))
    .map(([base, mutations]) => {
      const bytes = [...base]
      for (const mutate of mutations) mutate(bytes)
      return Uint8Array.from(bytes)
    })
  const frame = fc.oneof({ weight: 1, arbitrary: fc.uint8Array({ maxLength: 64 }) }, { weight: 3, arbitrary: mutated })
  return fc.sample(frame, { numRuns: count, seed })
}

/**
 * An independent judge (lib0 and Yjs, not the server's protocol module): true when the frame cannot be a complete,
 * well-formed y-websocket message, so the server must close the socket that sent it.
 */
export function certainlyMalformed(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame)
    const type = decoding.readVarUint(decoder)
    if (type === 0) {
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step > 2) return true
      if (step > 0) Y.decodeUpdate(payload)
    } else if (type === 1) {
      const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
      const count = decoding.readVarUint(inner)
      for (let i = 0; i < count; i++) {
        decoding.readVarUint(inner)
        decoding.readVarUint(inner)
        const state: unknown = JSON.parse(decoding.readVarString(inner))
        if (state !== null && (typeof state !== 'object' || Array.isArray(state))) return true
      }
      if (decoding.hasContent(inner)) return true
    } else if (type === 2) {
      decoding.readVarUint(decoder)
      decoding.readVarString(decoder)
    } else if (type !== 3) {
      return true
    }
    return decoding.hasContent(decoder)
  } catch {
    return true
  }
}

export interface FrameOutcome {
  frame: Uint8Array
  /** null: the socket was still answering after the frame; otherwise the close code the server sent. */
  closeCode: number | null
}

/**
 * Sends `frames` on a socket, one at a time. After each frame the lane sets its own awareness state to a counter and
 * asks for everyone's awareness: seeing its counter come back proves the server handled the frame and kept the socket;
 * a close instead is recorded, and the lane opens a new socket. A socket that does neither within 5 s fails the run.
 */
export async function runLane(url: string, headers: Headers, laneClientId: number, frames: Uint8Array[]): Promise<FrameOutcome[]> {
  const outcomes: FrameOutcome[] = []
  let socket = await openRawSocket(url, headers)
  for (let i = 0; i < frames.length; i++) {
    const frame = frames[i]!
    const result = await new Promise<number | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`socket neither answered nor closed after frame ${Buffer.from(frame).toString('hex')}`)), 5_000)
      const onMessage = (data: Buffer) => {
        if (data[0] !== 1 || !awarenessCounterIs(data, laneClientId, i)) return
        finish(null)
      }
      const onClose = (code: number) => finish(code)
      const finish = (value: number | null) => {
        clearTimeout(timer)
        socket.off('message', onMessage)
        socket.off('close', onClose)
        resolve(value)
      }
      socket.on('message', onMessage)
      socket.on('close', onClose)
      socket.send(frame)
      socket.send(awarenessFrame([{ clientId: laneClientId, clock: i + 1, state: { probe: i } }]))
      socket.send(queryAwarenessFrame())
    })
    outcomes.push({ frame, closeCode: result })
    if (result !== null || socket.readyState !== WebSocket.OPEN) socket = await openRawSocket(url, headers)
  }
  socket.close()
  return outcomes
}

function awarenessCounterIs(data: Buffer, clientId: number, counter: number): boolean {
  try {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    decoding.readVarUint(decoder)
    const inner = decoding.createDecoder(decoding.readVarUint8Array(decoder))
    const count = decoding.readVarUint(inner)
    for (let i = 0; i < count; i++) {
      const id = decoding.readVarUint(inner)
      decoding.readVarUint(inner)
      const state = JSON.parse(decoding.readVarString(inner)) as { probe?: number } | null
      if (id === clientId && state?.probe === counter) return true
    }
  } catch {
    // not ours
  }
  return false
}
