import path from 'node:path'
import { LocalDiskStorage } from './local-disk-storage'
import type { MediaStorage } from './media-storage'

// The storage the app uses, chosen from the environment once per process. Local disk under STORYREEL_DATA_DIR/media
// is the default. S3-compatible storage (S3_BUCKET, S3_REGION, S3_ENDPOINT, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY)
// is a later issue: it will be a second MediaStorage, picked here, and must pass testing/storage-contract.ts.

/** process.env, or a plain object in tests (Next.js types make NODE_ENV required on ProcessEnv). */
type EnvSource = Record<string, string | undefined>

export class StorageConfigError extends Error {
  override name = 'StorageConfigError'
}

export function storageFromEnv(env: EnvSource = process.env): MediaStorage {
  if (env.S3_BUCKET) {
    // Refuse rather than quietly keep media on this machine's disk when the operator asked for S3.
    throw new StorageConfigError(
      'S3_BUCKET is set, but this version of Storyreel stores media on local disk only. ' +
        'Unset the S3_* variables to keep media in STORYREEL_DATA_DIR/media.',
    )
  }
  return new LocalDiskStorage(mediaRootFromEnv(env))
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
