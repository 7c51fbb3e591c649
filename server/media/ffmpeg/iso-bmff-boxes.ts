import type { FileHandle } from 'node:fs/promises'

// Walks the top-level boxes of an MP4/MOV file to catch a truncated upload. ffprobe alone does not: when the index
// (moov) sits at the front ("faststart"), a file cut short still probes fine and only fails, much later, mid-transcode.

export type BoxCheck = { ok: true } | { ok: false; reason: 'truncated' | 'no-index' | 'malformed' }

const maxBoxes = 10_000

export async function checkTopLevelBoxes(file: FileHandle, fileSize: number): Promise<BoxCheck> {
  const header = Buffer.alloc(16)
  let offset = 0
  let sawIndex = false
  for (let count = 0; offset < fileSize; count++) {
    if (count === maxBoxes) return { ok: false, reason: 'malformed' }
    if (fileSize - offset < 8) break // a few stray bytes after the last box; some writers pad
    const { bytesRead } = await file.read(header, 0, 16, offset)
    let size = header.readUInt32BE(0)
    const type = header.toString('latin1', 4, 8)
    let headerSize = 8
    if (size === 1) {
      // A 64-bit size follows the type (large mdat boxes).
      if (bytesRead < 16) return { ok: false, reason: 'truncated' }
      size = Number(header.readBigUInt64BE(8))
      headerSize = 16
    } else if (size === 0) {
      size = fileSize - offset // "runs to the end of the file"
    }
    if (size < headerSize) return { ok: false, reason: 'malformed' }
    if (offset + size > fileSize) return { ok: false, reason: 'truncated' }
    if (type === 'moov' || type === 'moof') sawIndex = true
    offset += size
  }
  return sawIndex ? { ok: true } : { ok: false, reason: 'no-index' }
}
