/** Media storage settings that cannot work; the message names the variable to change. Thrown at start-up, never per request. */
export class StorageConfigError extends Error {
  override name = 'StorageConfigError'
}
