// The Range request header (RFC 9110 §14), for one resource of known size.
//
// Decisions, so players and browsers get what they expect and nothing costs more than a plain download:
// - No header, another unit, or a header that does not parse: ignored, the whole file is served (200), as the RFC
//   allows for a Range a server does not understand.
// - One range: 206 with that part; a range that cannot be satisfied (starts at or past the end, "bytes=5-2" with the
//   end before the start, "bytes=-0") answers 416 with Content-Range: bytes */size.
// - Several ranges ("bytes=0-1,5-9"): the whole file (200). Browsers' media elements ask for one range at a time, and
//   multipart/byteranges answers would only serve tools that can also take the whole file.

export type RangeDecision =
  | { kind: 'whole' }
  | { kind: 'partial'; start: number; end: number } // inclusive, as in Content-Range
  | { kind: 'unsatisfiable' }

const singleRange = /^bytes=(\d*)-(\d*)$/i

export function parseRangeHeader(header: string | null | undefined, size: number): RangeDecision {
  if (!header) return { kind: 'whole' }
  const trimmed = header.replace(/\s+/g, '')
  if (/^bytes=[^,]*,/.test(trimmed)) return { kind: 'whole' }
  const match = singleRange.exec(trimmed)
  if (!match) return { kind: 'whole' }
  const [, first = '', last = ''] = match
  if (first === '' && last === '') return { kind: 'whole' }
  // Digits only, so Number() is never NaN; absurdly long numbers become huge or Infinity and compare correctly.
  if (first === '') {
    // Suffix range: the last N bytes.
    const length = Number(last)
    if (length === 0 || size === 0) return { kind: 'unsatisfiable' }
    return { kind: 'partial', start: Math.max(0, size - length), end: size - 1 }
  }
  const start = Number(first)
  const requestedEnd = last === '' ? size - 1 : Number(last)
  if (start >= size || requestedEnd < start) return { kind: 'unsatisfiable' }
  return { kind: 'partial', start, end: Math.min(requestedEnd, size - 1) }
}

export const contentRangeHeader = (range: { start: number; end: number }, size: number) => `bytes ${range.start}-${range.end}/${size}`
export const unsatisfiedRangeHeader = (size: number) => `bytes */${size}`
