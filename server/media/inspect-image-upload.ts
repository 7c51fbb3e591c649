import type { ImageMime } from '@/lib/media/image-types'
import type { ImageLimits } from './config'
import { ImageInspector, type InspectedImage } from './image-inspector'

export interface ImageUpload {
  mime: ImageMime
  /** The whole body (the chunks read to learn the type first), checked chunk by chunk as storage pulls it. */
  body: AsyncGenerator<Uint8Array>
  /** The verdict: valid once body has been read to its end without throwing. */
  inspected: () => InspectedImage
  /** Lets go of the source when body will not be read to the end (storage failed before pulling it). */
  cancel: () => Promise<void>
}

/**
 * Reads just enough of an upload to know what it is (so storage can be told the Content-Type before it starts, as S3
 * needs), refusing non-images there and then; the rest is checked as it streams into storage. Any check that fails
 * throws out of body, which makes storage discard what it had written.
 */
export async function inspectImageUpload(source: AsyncIterable<Uint8Array>, limits: ImageLimits): Promise<ImageUpload> {
  const inspector = new ImageInspector(limits)
  const iterator = source[Symbol.asyncIterator]()
  const release = async () => {
    await iterator.return?.()
  }
  const peeked: Uint8Array[] = []
  let ended = false
  try {
    while (!inspector.mime) {
      const next = await iterator.next()
      if (next.done) {
        ended = true
        inspector.finish() // throws: empty, or too short to be any image
        break
      }
      inspector.inspect(next.value)
      peeked.push(next.value)
    }
  } catch (error) {
    await release()
    throw error
  }
  const mime = inspector.mime
  if (!mime) throw new Error('inspectImageUpload: no type after a successful peek')

  async function* body(): AsyncGenerator<Uint8Array> {
    let finished = false
    try {
      yield* peeked
      while (!ended) {
        const next = await iterator.next()
        if (next.done) break
        inspector.inspect(next.value)
        yield next.value
      }
      inspector.finish()
      finished = true
    } finally {
      // Stopped early (a check failed, or the consumer gave up): stop reading the client's body too.
      if (!finished) await release()
    }
  }

  return { mime, body: body(), inspected: () => inspector.finish(), cancel: release }
}
