import fs from 'node:fs/promises'
import type { VideoContainer } from '@/server/media/ffmpeg/sniff-video-container'

// The Content-Type we store for an uploaded original, from its bytes (never from the browser's guess): QuickTime and
// MP4 share a container family and differ in the ftyp brand; WebM is Matroska with "webm" as its EBML DocType.

const headBytes = 64

export async function videoMimeType(filePath: string, container: VideoContainer): Promise<string> {
  const file = await fs.open(filePath, 'r')
  let head: Buffer
  try {
    const buffer = Buffer.alloc(headBytes)
    const { bytesRead } = await file.read(buffer, 0, headBytes, 0)
    head = buffer.subarray(0, bytesRead)
  } finally {
    await file.close()
  }
  switch (container) {
    case 'mp4':
      return head.toString('latin1', 4, 12) === 'ftypqt  ' ? 'video/quicktime' : 'video/mp4'
    case 'matroska':
      return head.includes('webm', 0, 'latin1') ? 'video/webm' : 'video/x-matroska'
    case 'avi':
      return 'video/x-msvideo'
    case 'mxf':
      return 'application/mxf'
  }
}
