import path from 'node:path'
import { envSchema } from '@/server/env'

// The cut upload's settings, read from the environment (validated at start-up by server/env.ts, read again here
// because route handlers run inside the Next.js bundle, which does not share the custom server's parsed env).

type EnvSource = Record<string, string | undefined>

export function maxUploadBytesFromEnv(env: EnvSource = process.env): number {
  // An empty variable means "unset" in most deployment tools.
  const parsed = envSchema.shape.MAX_UPLOAD_BYTES.safeParse(env.MAX_UPLOAD_BYTES || undefined)
  // A plain Error, not a ZodError: a bad setting is the server's fault (500), never the uploader's (400).
  if (!parsed.success) throw new Error(`MAX_UPLOAD_BYTES must be a positive whole number of bytes, not ${JSON.stringify(env.MAX_UPLOAD_BYTES)}`)
  return parsed.data
}

/** Partial uploads live here, next to the media folder but never served by it. */
export function uploadsDirFromEnv(env: EnvSource = process.env): string {
  return path.resolve(env.STORYREEL_DATA_DIR || '.data', 'uploads')
}

/** "4 GB" for messages people read (binary units, as file managers show them). */
export function formatUploadBytes(bytes: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB']
  let value = bytes
  let unit = 0
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024
    unit += 1
  }
  return unit === 0 ? `${bytes} bytes` : `${Math.round(value * 10) / 10} ${units[unit]}`
}
