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

/** A Node stream as a web ReadableStream for a Response body; a client that goes away destroys the Node stream. */
export function webStreamFrom(readable: Readable): ReadableStream<Uint8Array> {
  const iterator: AsyncIterator<Buffer> = readable[Symbol.asyncIterator]()
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await iterator.next()
      if (next.done) controller.close()
      else controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength))
    },
    cancel() {
      readable.destroy()
    },
  })
}
