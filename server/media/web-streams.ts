import type { Readable } from 'node:stream'

// Bridges between the Fetch API streams that route handlers see and the async iterables our storage reads.
// (TypeScript's DOM lib here has no async iterator on ReadableStream, so these read through a reader.)

/** A web ReadableStream as an async iterable; ending early cancels the stream. */
export async function* iterateWebStream(stream: ReadableStream<Uint8Array>): AsyncGenerator<Uint8Array> {
  const reader = stream.getReader()
  let done = false
  try {
    for (;;) {
      const next = await reader.read()
      if (next.done) {
        done = true
        return
      }
      yield next.value
    }
  } finally {
    if (!done) await reader.cancel().catch(() => undefined)
    reader.releaseLock()
  }
}

/**
 * A web stream that errors with tooLarge() once more than maxBytes have passed, so reading it (e.g. formData()) can
 * never buffer more than the limit.
 */
export function limitWebStream(stream: ReadableStream<Uint8Array>, maxBytes: number, tooLarge: () => Error): ReadableStream<Uint8Array> {
  let seen = 0
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.length
        if (seen > maxBytes) controller.error(tooLarge())
        else controller.enqueue(chunk)
      },
    }),
  )
}

/**
 * Asked while a response streams, for callers whose access can end mid-download (a guest whose link may be revoked or
 * expire): every `everyMs` the body asks `stillAllowed()`; false, or a failed check, ends the body with an error so
 * the server drops the connection. It reads the database, so a revocation made on any instance cuts the stream.
 */
export interface StreamAccessRecheck {
  everyMs: number
  stillAllowed: () => Promise<boolean>
}

/**
 * A Node stream as a web ReadableStream for a Response body; a client that goes away destroys the Node stream, and
 * so does a recheck that says access has ended.
 */
export function webStreamFrom(readable: Readable, recheck?: StreamAccessRecheck): ReadableStream<Uint8Array> {
  const iterator: AsyncIterator<Buffer> = readable[Symbol.asyncIterator]()
  let timer: NodeJS.Timeout | undefined
  const stopChecking = () => {
    clearInterval(timer)
    timer = undefined
  }
  return new ReadableStream<Uint8Array>({
    start(controller) {
      if (!recheck) return
      let checking = false
      // A timer rather than a check per pull: a paused player stops pulling, and its socket must still be cut.
      timer = setInterval(() => {
        if (checking) return
        checking = true
        recheck
          .stillAllowed()
          .catch(() => false)
          .then((allowed) => {
            checking = false
            if (allowed || timer === undefined) return
            stopChecking()
            controller.error(new Error('Access to this file ended while it was being sent.'))
            readable.destroy()
          })
      }, recheck.everyMs)
      timer.unref()
    },
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) {
        stopChecking()
        controller.close()
      } else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength))
    },
    cancel() {
      stopChecking()
      readable.destroy()
    },
  })
}
