import path from 'node:path'
import { LocalDiskStorage } from './local-disk-storage'
import type { MediaStorage } from './media-storage'
import { s3ConfigFromEnv } from './s3-config'
import { S3Storage } from './s3-storage'

export { StorageConfigError } from './storage-config-error'

// The storage the app uses, chosen from the environment once per process: an S3-compatible bucket when S3_BUCKET is
// set (s3-config.ts), else local disk under STORYREEL_DATA_DIR/media. Both pass testing/storage-contract.ts.

/** process.env, or a plain object in tests (Next.js types make NODE_ENV required on ProcessEnv). */
type EnvSource = Record<string, string | undefined>

/** Throws StorageConfigError naming the variable when the S3_* settings cannot work. */
export function storageFromEnv(env: EnvSource = process.env): MediaStorage {
  const s3 = s3ConfigFromEnv(env)
  return s3 ? new S3Storage(s3) : new LocalDiskStorage(mediaRootFromEnv(env))
}

export function mediaRootFromEnv(env: EnvSource = process.env): string {
  return path.resolve(env.STORYREEL_DATA_DIR || '.data', 'media')
}

// On globalThis for the same reason as the database handle: server/main.ts and the Next.js bundle load this module
// separately and must agree on one store.
const globalKey = Symbol.for('storyreel.mediaStorage')
type GlobalWithStorage = typeof globalThis & { [globalKey]?: MediaStorage }

export function getStorage(): MediaStorage {
  const store = globalThis as GlobalWithStorage
  store[globalKey] ??= storageFromEnv()
  return store[globalKey]
}

/** Installs the process-wide store: tests point it at a temporary folder, scripts at another root. */
export function setStorage(storage: MediaStorage): void {
  ;(globalThis as GlobalWithStorage)[globalKey] = storage
}
