/**
 * S3-compatible media storage settings, read from the environment (server/env.ts validates the same keys at start-up;
 * they are read again here because route handlers run in the Next.js bundle, which does not share the parsed env).
 *
 *   S3_BUCKET              unset      Store media in this bucket instead of STORYREEL_DATA_DIR/media.
 *   S3_REGION              us-east-1  The bucket's region (most S3-compatible servers accept any).
 *   S3_ENDPOINT            unset      http(s) address of an S3-compatible server (MinIO, R2, Ceph, s3rver); unset = AWS.
 *   S3_ACCESS_KEY_ID       unset      With S3_SECRET_ACCESS_KEY; unset means the AWS default credential chain
 *   S3_SECRET_ACCESS_KEY   unset      (environment, shared config files, instance or task role).
 *   S3_FORCE_PATH_STYLE    see right  true: http://endpoint/bucket/key; false: http://bucket.endpoint/key. Defaults to
 *                                     true when S3_ENDPOINT is set (what self-hosted servers expect), else false.
 */
import { z } from 'zod'
import { StorageConfigError } from './storage-config-error'

const optionalString = z.string().trim().min(1).optional()

// AWS's rules for new buckets, which every S3-compatible server accepts: 3–63 lowercase letters, digits, dots and
// hyphens, starting and ending with a letter or digit. Checked here so a typo fails at start-up, not on first upload.
const bucketName = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/

/** The S3_* keys, shared with server/env.ts so start-up validation and this module agree. */
export const s3EnvShape = {
  S3_BUCKET: z
    .string()
    .trim()
    .regex(bucketName, 'must be a bucket name: 3–63 lowercase letters, digits, dots or hyphens, starting and ending with a letter or digit')
    .optional(),
  S3_REGION: z.string().trim().min(1).default('us-east-1'),
  S3_ENDPOINT: z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address, e.g. http://minio:9000' }).optional(),
  S3_ACCESS_KEY_ID: optionalString,
  S3_SECRET_ACCESS_KEY: optionalString,
  S3_FORCE_PATH_STYLE: z.enum(['true', 'false'], { error: 'must be true or false' }).optional(),
}

const s3EnvSchema = z.object(s3EnvShape)
type S3Env = z.infer<typeof s3EnvSchema>

export interface S3Config {
  bucket: string
  region: string
  endpoint?: string
  forcePathStyle: boolean
  /** Unset: the SDK's default credential chain. */
  credentials?: { accessKeyId: string; secretAccessKey: string }
}

/** Cross-field rules, reported against the variable a person has to change. */
export function checkS3Env(env: S3Env, addIssue: (variable: keyof S3Env, message: string) => void): void {
  if (!env.S3_BUCKET) {
    // Someone configured S3 but forgot the bucket: refuse rather than quietly keep media on this machine's disk.
    const stray = (['S3_ENDPOINT', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY', 'S3_FORCE_PATH_STYLE'] as const).find((key) => env[key] !== undefined)
    if (stray) addIssue('S3_BUCKET', `${stray} is set but S3_BUCKET is not: set S3_BUCKET to keep media in S3, or unset the S3_* variables to keep it on local disk`)
    return
  }
  if (Boolean(env.S3_ACCESS_KEY_ID) !== Boolean(env.S3_SECRET_ACCESS_KEY)) {
    addIssue(env.S3_ACCESS_KEY_ID ? 'S3_SECRET_ACCESS_KEY' : 'S3_ACCESS_KEY_ID', 'S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together')
  }
}

/** The S3 settings, or null when media stays on local disk; throws StorageConfigError naming each bad variable. */
export function s3ConfigFromEnv(source: Record<string, string | undefined> = process.env): S3Config | null {
  // An empty variable means "unset" in most deployment tools.
  const cleaned = Object.fromEntries(Object.keys(s3EnvShape).map((key) => [key, source[key] || undefined]))
  const parsed = s3EnvSchema.safeParse(cleaned)
  const problems: string[] = []
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(`${issue.path.join('.')}: ${issue.message}`)
  } else {
    checkS3Env(parsed.data, (variable, message) => problems.push(`${variable}: ${message}`))
  }
  if (!parsed.success || problems.length > 0) throw new StorageConfigError(`Invalid S3 media storage configuration:\n  ${problems.join('\n  ')}`)
  const env = parsed.data
  if (!env.S3_BUCKET) return null
  return {
    bucket: env.S3_BUCKET,
    region: env.S3_REGION,
    endpoint: env.S3_ENDPOINT,
    forcePathStyle: env.S3_FORCE_PATH_STYLE ? env.S3_FORCE_PATH_STYLE === 'true' : Boolean(env.S3_ENDPOINT),
    credentials:
      env.S3_ACCESS_KEY_ID && env.S3_SECRET_ACCESS_KEY ? { accessKeyId: env.S3_ACCESS_KEY_ID, secretAccessKey: env.S3_SECRET_ACCESS_KEY } : undefined,
  }
}
