import path from 'node:path'
import { z } from 'zod'
import { aiEnvShape, checkAiEnv } from './ai/ai-config'
import { c2paEnvShape, checkC2paEnv } from './ai/c2pa/c2pa-config'
import { collabEnvShape } from './collab/config'
import { checkS3Env, s3EnvShape } from './media/storage/s3-config'

// Every environment variable the server reads, validated once at start-up. README's configuration table mirrors this.
const optionalString = z.string().trim().min(1).optional()

export const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).optional(),
    PORT: z.coerce.number().int().min(1).max(65535).default(3000),
    HOST: z.string().default('127.0.0.1'),
    APP_URL: z.url().optional(),
    NEXTAUTH_URL: z.url().optional(),
    NEXTAUTH_SECRET: z.string().min(32, 'NEXTAUTH_SECRET must be at least 32 characters').optional(),
    STORYREEL_DATA_DIR: z.string().default('.data'),
    DATABASE_URL: optionalString,
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: optionalString,
    // Largest image upload in bytes (panel images, references); checked while the body streams in.
    MAX_IMAGE_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
    // Largest video upload (a cut) in bytes; 4 GiB by default. Refused with 413 before any byte is stored.
    MAX_UPLOAD_BYTES: z.coerce.number().int().positive().default(4 * 1024 * 1024 * 1024),
    // Largest audio upload (the animatic's music or scratch voice) in bytes; 200 MB by default, cut off while streaming.
    MAX_AUDIO_BYTES: z.coerce.number().int().positive().default(200 * 1024 * 1024),
    // ffmpeg / ffprobe binaries; unset means the system PATH, then @ffmpeg-installer/@ffprobe-installer if installed.
    FFMPEG_PATH: optionalString,
    FFPROBE_PATH: optionalString,
    // Largest uploaded video frame (width × height) and longest duration; defaults allow DCI 8K and a 4-hour cut.
    MAX_VIDEO_PIXELS: z.coerce.number().int().positive().default(8192 * 4320),
    MAX_VIDEO_SECONDS: z.coerce.number().positive().default(4 * 60 * 60),
    // S3_BUCKET, S3_REGION, S3_ENDPOINT, … — media in an S3-compatible bucket; documented in server/media/storage/s3-config.ts.
    ...s3EnvShape,
    // COLLAB_MAX_MESSAGE_BYTES, COLLAB_MAX_DOC_BYTES, … — documented in server/collab/config.ts.
    ...collabEnvShape,
    // AI_IMAGE_MODEL, AI_VIDEO_MODEL, provider keys, limits — documented in server/ai/ai-config.ts.
    ...aiEnvShape,
    // C2PA_SIGNING_KEY_PATH, C2PA_SIGNING_CERT_PATH — who signs generated images' C2PA manifests; server/ai/c2pa/c2pa-config.ts.
    ...c2paEnvShape,
    GITHUB_ID: optionalString,
    GITHUB_SECRET: optionalString,
    GOOGLE_CLIENT_ID: optionalString,
    GOOGLE_CLIENT_SECRET: optionalString,
    EMAIL_SERVER: optionalString,
    EMAIL_FROM: optionalString,
    // Believe x-forwarded-for (for rate limits) only when a reverse proxy in front of us sets it.
    TRUST_PROXY: z.enum(['true', 'false']).default('false'),
    STORYREEL_RUN_WORKERS: z.enum(['true', 'false']).default('true'),
    // How often the job queue reclaims jobs whose worker died (their lease ran out); the cluster tests shorten it.
    JOB_MAINTENANCE_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(3600).default(60),
    // When set, GET /metrics wants `Authorization: Bearer <token>` (its series name queues, documents and load).
    METRICS_TOKEN: z.string().trim().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
    // `npm run worker` serves /healthz, /readyz and /metrics on HOST:WORKER_PORT; unset, it listens on no port.
    WORKER_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  })
  .superRefine((env, ctx) => {
    const pairs: [keyof typeof env, keyof typeof env][] = [
      ['GITHUB_ID', 'GITHUB_SECRET'],
      ['GOOGLE_CLIENT_ID', 'GOOGLE_CLIENT_SECRET'],
      ['EMAIL_SERVER', 'EMAIL_FROM'],
    ]
    for (const [a, b] of pairs) {
      if (Boolean(env[a]) !== Boolean(env[b])) {
        ctx.addIssue({ code: 'custom', path: [env[a] ? b : a], message: `${a} and ${b} must be set together` })
      }
    }
    checkAiEnv(env, (variable, message) => ctx.addIssue({ code: 'custom', path: [variable], message }))
    checkS3Env(env, (variable, message) => ctx.addIssue({ code: 'custom', path: [variable], message }))
    checkC2paEnv(env, (variable, message) => ctx.addIssue({ code: 'custom', path: [variable], message }))
  })

export type Env = z.infer<typeof envSchema> & { appUrl: string; dataDir: string }

export class EnvError extends Error {
  override name = 'EnvError'
}

export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source)
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.') || '(env)'}: ${issue.message}`)
    throw new EnvError(`Invalid environment configuration:\n${lines.join('\n')}`)
  }
  const env = parsed.data
  const appUrl = (env.APP_URL ?? env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, '')
  return { ...env, appUrl, dataDir: path.resolve(env.STORYREEL_DATA_DIR) }
}
