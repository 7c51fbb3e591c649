import { envSchema } from '@/server/env'

// Limits on image uploads. MAX_IMAGE_BYTES is validated at start-up by server/env.ts; it is read again here because
// route handlers run inside the Next.js bundle, which does not share the custom server's parsed env.

/** process.env, or a plain object in tests (Next.js types make NODE_ENV required on ProcessEnv). */
type EnvSource = Record<string, string | undefined>

export interface ImageLimits {
  /** Largest upload in bytes; the body is cut off as soon as it passes this. */
  maxBytes: number
  /** Largest width × height: a small file can declare a huge canvas, and every thumbnail or render would decode it. */
  maxPixels: number
  /** How far into the file the size may be; JPEG metadata (ICC profiles, thumbnails) can push it far back. */
  maxHeaderBytes: number
}

export const maxImagePixels = 100_000_000 // 100 megapixels: well above any camera, far below what would exhaust memory.
export const maxImageHeaderBytes = 1024 * 1024

export function imageLimitsFromEnv(env: EnvSource = process.env): ImageLimits {
  // An empty variable means "unset" in most deployment tools.
  const maxBytes = envSchema.shape.MAX_IMAGE_BYTES.safeParse(env.MAX_IMAGE_BYTES || undefined)
  // A plain Error, not a ZodError: a bad setting is the server's fault (500), never the uploader's (400).
  if (!maxBytes.success) throw new Error(`MAX_IMAGE_BYTES must be a positive whole number of bytes, not ${JSON.stringify(env.MAX_IMAGE_BYTES)}`)
  return { maxBytes: maxBytes.data, maxPixels: maxImagePixels, maxHeaderBytes: maxImageHeaderBytes }
}

/** "25 MB" for messages people read. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`
  return `${bytes} bytes`
}
