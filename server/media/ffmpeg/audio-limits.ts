import { envSchema } from '@/server/env'

// Limits on uploaded audio (the animatic's music or scratch voice), read from the environment (validated at start-up
// by server/env.ts, read again here because route handlers run inside the Next.js bundle).

export interface AudioLimits {
  /** Largest upload in bytes; the body is cut off as soon as it passes this. */
  maxBytes: number
  /** Longest duration in seconds: the same bound as a cut, since a track longer than any picture is a mistake. */
  maxSeconds: number
}

export function audioLimitsFromEnv(env: Record<string, string | undefined> = process.env): AudioLimits {
  // An empty variable means "unset" in most deployment tools.
  const maxBytes = envSchema.shape.MAX_AUDIO_BYTES.safeParse(env.MAX_AUDIO_BYTES || undefined)
  // A plain Error, not a ZodError: a bad setting is the server's fault (500), never the uploader's (400).
  if (!maxBytes.success) throw new Error(`MAX_AUDIO_BYTES must be a positive whole number of bytes, not ${JSON.stringify(env.MAX_AUDIO_BYTES)}`)
  return { maxBytes: maxBytes.data, maxSeconds: envSchema.shape.MAX_VIDEO_SECONDS.parse(env.MAX_VIDEO_SECONDS || undefined) }
}
