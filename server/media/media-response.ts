import { contentDisposition } from '@/lib/media/content-disposition'
import { downloadFilename } from '@/lib/media/filename'
import { contentRangeHeader, parseRangeHeader, unsatisfiedRangeHeader } from '@/lib/media/http-range'
import type { MediaStorage } from './storage/media-storage'
import { webStreamFrom, type StreamAccessRecheck } from './web-streams'

export interface ServableAsset {
  storageKey: string
  mime: string
  sha256: string
  originalName: string
}

// Types a browser may show inline. Anything else is always a download: our origin never renders stored HTML, SVG
// or anything else that could run script, whatever a later upload path lets in.
const inlineSafe = /^(image\/(png|jpeg|webp|gif|avif)|video\/(mp4|webm|quicktime)|audio\/(mpeg|mp4|aac|wav|webm|ogg|flac))$/

// Bytes behind an asset id never change (a new upload is a new asset), so browsers may reuse them for an hour;
// after that they revalidate with If-None-Match, which re-runs the access check before answering 304.
const cacheControl = 'private, max-age=3600'

/**
 * The HTTP answer for one stored file, access already checked: 200, 206 for a single range, 304 when the browser's
 * copy is current, 416 for a range outside the file. HEAD gets the same headers and no body.
 */
export async function mediaResponse(params: {
  request: Request
  asset: ServableAsset
  storage: MediaStorage
  download: boolean
  /** For access that can end mid-response (guests): the body stops once this says no. */
  recheck?: StreamAccessRecheck
}): Promise<Response> {
  const { request, asset, storage } = params
  const etag = `"${asset.sha256}"`
  const inline = !params.download && inlineSafe.test(asset.mime)
  const headers = new Headers({
    'Content-Type': asset.mime,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': "default-src 'none'",
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Disposition': contentDisposition(inline ? 'inline' : 'attachment', downloadFilename(asset.originalName, asset.mime)),
    'Cache-Control': cacheControl,
    'Accept-Ranges': 'bytes',
    ETag: etag,
  })

  if (etagMatches(request.headers.get('if-none-match'), etag)) return new Response(null, { status: 304, headers })

  const { size } = await storage.stat(asset.storageKey)
  // If-Range: only honour the range if the client's copy is this exact version; otherwise send it all.
  const ifRange = request.headers.get('if-range')
  const rangeHeader = ifRange === null || ifRange === etag ? request.headers.get('range') : null
  const range = parseRangeHeader(rangeHeader, size)

  if (range.kind === 'unsatisfiable') {
    headers.set('Content-Range', unsatisfiedRangeHeader(size))
    headers.delete('Content-Type')
    headers.delete('Content-Disposition')
    return new Response(null, { status: 416, headers })
  }
  const partial = range.kind === 'partial' ? { start: range.start, end: range.end } : undefined
  headers.set('Content-Length', String(partial ? partial.end - partial.start + 1 : size))
  if (partial) headers.set('Content-Range', contentRangeHeader(partial, size))
  const status = partial ? 206 : 200
  if (request.method === 'HEAD') return new Response(null, { status, headers })

  const read = await storage.get(asset.storageKey, { range: partial })
  return new Response(webStreamFrom(read.stream, params.recheck), { status, headers })
}

/** If-None-Match: a list of entity tags or "*"; weak tags (W/"…") compare equal by their value. */
function etagMatches(header: string | null, etag: string): boolean {
  if (!header) return false
  if (header.trim() === '*') return true
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag)
}
