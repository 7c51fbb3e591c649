import { envSchema } from '@/server/env'

// Limits on uploaded video, read from the environment (validated at start-up by server/env.ts, read again here
// because route handlers run inside the Next.js bundle). A few kilobytes can declare an enormous or endless video,
// and every proxy, thumbnail and render would then try to decode it.

export interface VideoLimits {
  /** Largest width × height. */
  maxPixels: number
  /** Longest duration in seconds. */
  maxSeconds: number
}

export function videoLimitsFromEnv(env: Record<string, string | undefined> = process.env): VideoLimits {
  // An empty variable means "unset" in most deployment tools.
  return {
    maxPixels: envSchema.shape.MAX_VIDEO_PIXELS.parse(env.MAX_VIDEO_PIXELS || undefined),
    maxSeconds: envSchema.shape.MAX_VIDEO_SECONDS.parse(env.MAX_VIDEO_SECONDS || undefined),
  }
}
