// The dependencies a Storyreel process needs before it can serve: each a cheap call that proves the thing answers.
import type { DatabaseHandle } from '@/db/client'
import type { MediaStorage } from '@/server/media/storage/media-storage'
import type { ReadinessCheck } from './readiness'

export function databaseCheck(database: DatabaseHandle): ReadinessCheck {
  return async () => {
    await database.query('select 1')
  }
}

/** A key nobody writes (storage keys are server-made ids under projects/): asking whether it exists is one stat on
 * disk, one HEAD on S3, and proves the store is reachable with our credentials. */
export const storageProbeKey = 'readiness-probe'

/** Takes a getter: a storage that cannot even be configured (bad S3_* settings) is a failed check, not a crash. */
export function storageCheck(storage: () => MediaStorage): ReadinessCheck {
  return async () => {
    await storage().exists(storageProbeKey)
  }
}

/** Fails once shutdown has begun, so a load balancer stops sending new work while pending writes are flushed. */
export function notStoppingCheck(isStopping: () => boolean): ReadinessCheck {
  return async () => {
    if (isStopping()) throw new Error('shutting down')
  }
}
