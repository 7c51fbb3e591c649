import { InvalidStorageKeyError } from './media-storage'

// Storage keys are built by the server from ids it generated, so a strict alphabet costs nothing and makes keys safe
// on every filesystem and object store: no "..", no absolute paths, no NUL or backslashes, no hidden files (the local
// store keeps its temporary files under ".tmp"), no empty segments.
const segmentPattern = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}$/
const maxKeyLength = 512

export function assertValidStorageKey(key: string): void {
  if (typeof key !== 'string' || key.length === 0 || key.length > maxKeyLength) {
    throw new InvalidStorageKeyError(`A storage key must be 1–${maxKeyLength} characters`)
  }
  for (const segment of key.split('/')) {
    if (!segmentPattern.test(segment)) {
      throw new InvalidStorageKeyError(`Invalid storage key segment ${JSON.stringify(segment)} in ${JSON.stringify(key)}`)
    }
  }
}

/** projects/<projectId>/<assetId>/<name>: everything for one asset (original, thumbnails, proxies) under one prefix. */
export function assetStorageKey(parts: { projectId: string; assetId: string; name: string }): string {
  const key = `projects/${parts.projectId}/${parts.assetId}/${parts.name}`
  assertValidStorageKey(key)
  return key
}
