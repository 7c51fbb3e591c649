import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { formatBytes } from './config'
import { iterateWebStream, limitWebStream } from './web-streams'

// Reads an upload from a route handler's Request in either of two shapes:
// - raw body (preferred: streamed straight to storage): the file's bytes as the body, its name in X-Filename,
//   percent-encoded when it is not ASCII (header values are Latin-1), e.g. `encodeURIComponent(file.name)`;
// - multipart/form-data with the file in a field named "file" (plain HTML forms). The platform's form parser reads
//   the whole body first, so that body is cut off at the size limit plus room for the form's own headers.
// The declared Content-Type is never trusted: the bytes decide what the file is.

export interface UploadBody {
  body: AsyncIterable<Uint8Array>
  filename: string | null
}

const multipartOverheadBytes = 64 * 1024

const uploadHeaders = z.object({
  contentType: z.string().max(1000).default(''),
  contentLength: z.coerce.number().int().nonnegative().optional(),
  filename: z.string().max(2000, 'X-Filename is too long.').optional(),
})

const tooLarge = (maxBytes: number, what: string) =>
  new AppError('PAYLOAD_TOO_LARGE', { userMessage: `That ${what} is too large: the limit is ${formatBytes(maxBytes)}.`, details: { maxBytes } })

/** `what` names the file in messages ("image", "sound file"). */
export async function readUploadBody(request: Request, maxBytes: number, what = 'image'): Promise<UploadBody> {
  const headers = uploadHeaders.parse({
    contentType: request.headers.get('content-type') ?? undefined,
    contentLength: request.headers.get('content-length') ?? undefined,
    filename: request.headers.get('x-filename') ?? undefined,
  })
  const multipart = /^multipart\/form-data\s*;/i.test(headers.contentType)
  const limit = maxBytes + (multipart ? multipartOverheadBytes : 0)
  // Refuse an honest oversized upload before reading any of it; a dishonest one is cut off while streaming.
  if (headers.contentLength !== undefined && headers.contentLength > limit) throw tooLarge(maxBytes, what)
  if (!request.body) throw new AppError('BAD_REQUEST', { userMessage: 'No file was sent.' })
  if (!multipart) return { body: iterateWebStream(request.body), filename: decodeFilenameHeader(headers.filename) }
  return readMultipartFile(request, limit, maxBytes, what)
}

async function readMultipartFile(request: Request, limit: number, maxBytes: number, what: string): Promise<UploadBody> {
  let overLimit = false
  const bounded = limitWebStream(request.body!, limit, () => {
    overLimit = true
    return tooLarge(maxBytes, what)
  })
  let form: FormData
  try {
    form = await new Response(bounded, { headers: { 'content-type': request.headers.get('content-type') ?? '' } }).formData()
  } catch (error) {
    if (overLimit) throw tooLarge(maxBytes, what)
    throw new AppError('BAD_REQUEST', { userMessage: 'The upload form could not be read.', cause: error })
  }
  const file = form.get('file')
  if (!(file instanceof Blob)) throw new AppError('BAD_REQUEST', { userMessage: `Send the ${what} in a form field named "file".` })
  const filename = file instanceof File ? file.name : null
  return { body: iterateWebStream(file.stream()), filename }
}

function decodeFilenameHeader(value: string | undefined): string | null {
  if (!value) return null
  try {
    return decodeURIComponent(value)
  } catch {
    return value // not percent-encoded after all ("100% done.png"): use it as it came
  }
}
