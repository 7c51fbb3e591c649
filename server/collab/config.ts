/**
 * Collaboration server settings, read from the environment (server/env.ts validates the same keys at start-up).
 *
 *   COLLAB_MAX_MESSAGE_BYTES     4194304 (4 MiB)   Largest WebSocket message a client may send. Bigger → close 4413.
 *   COLLAB_MAX_DOC_BYTES         33554432 (32 MiB) Largest encoded document. An update that would grow a document past
 *                                                  it is refused and the sender is closed with 4413.
 *   COLLAB_UNLOAD_GRACE_MS       10000             How long a document stays in memory after its last client leaves, so
 *                                                  a page reload does not pay for a fresh load.
 *   COLLAB_FLUSH_MS              50                Received updates are appended to Postgres in batches at most this
 *                                                  long after receipt (the promise is "within ~100 ms").
 *   COLLAB_COMPACT_AFTER         500               Update rows per document before they are folded into the snapshot
 *                                                  (a busy document writes about 20 rows a second).
 *   COLLAB_MAX_MESSAGES_PER_SEC  200               Per-connection message rate (bursts up to twice that). Exceeding it
 *                                                  closes the socket with 4529; the client reconnects and resyncs, so
 *                                                  nothing is lost.
 *   COLLAB_ROLE_RECHECK_MS       2000              How often open sockets' roles are re-read; a role change or removal
 *                                                  takes effect within this plus one query (the promise is 5 s).
 *   REDIS_URL                    unset             With it, updates and awareness fan out between app instances.
 */
import { z } from 'zod'

const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback)

/** The COLLAB_* keys, shared with server/env.ts so start-up validation and this module agree. */
export const collabEnvShape = {
  COLLAB_MAX_MESSAGE_BYTES: positiveInt(4 * 1024 * 1024),
  COLLAB_MAX_DOC_BYTES: positiveInt(32 * 1024 * 1024),
  COLLAB_UNLOAD_GRACE_MS: z.coerce.number().int().min(0).default(10_000),
  COLLAB_FLUSH_MS: z.coerce.number().int().min(0).max(60_000).default(50),
  COLLAB_COMPACT_AFTER: positiveInt(500),
  COLLAB_MAX_MESSAGES_PER_SEC: positiveInt(200),
  // Above 4 s the 5 s promise for role changes could not be kept.
  COLLAB_ROLE_RECHECK_MS: z.coerce.number().int().min(100).max(4_000).default(2_000),
}

const collabEnvSchema = z.object({
  ...collabEnvShape,
  REDIS_URL: z.string().trim().min(1).optional(),
})

export interface CollabConfig {
  maxMessageBytes: number
  maxDocBytes: number
  unloadGraceMs: number
  flushMs: number
  compactAfter: number
  maxMessagesPerSec: number
  roleRecheckMs: number
  redisUrl: string | undefined
}

export function loadCollabConfig(env: NodeJS.ProcessEnv = process.env): CollabConfig {
  // Empty strings mean "unset" in most deployment tools; treat them as absent so defaults apply.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''))
  const parsed = collabEnvSchema.parse(present)
  return {
    maxMessageBytes: parsed.COLLAB_MAX_MESSAGE_BYTES,
    maxDocBytes: parsed.COLLAB_MAX_DOC_BYTES,
    unloadGraceMs: parsed.COLLAB_UNLOAD_GRACE_MS,
    flushMs: parsed.COLLAB_FLUSH_MS,
    compactAfter: parsed.COLLAB_COMPACT_AFTER,
    maxMessagesPerSec: parsed.COLLAB_MAX_MESSAGES_PER_SEC,
    roleRecheckMs: parsed.COLLAB_ROLE_RECHECK_MS,
    redisUrl: parsed.REDIS_URL,
  }
}
