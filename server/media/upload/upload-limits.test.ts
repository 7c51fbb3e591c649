import { describe, expect, it } from 'vitest'
import { formatUploadBytes, maxUploadBytesFromEnv, uploadsDirFromEnv } from './upload-limits'

describe('maxUploadBytesFromEnv', () => {
  it('defaults to 4 GiB when MAX_UPLOAD_BYTES is unset or empty, as the issue asks', () => {
    expect(maxUploadBytesFromEnv({})).toBe(4 * 1024 ** 3)
    expect(maxUploadBytesFromEnv({ MAX_UPLOAD_BYTES: '' })).toBe(4 * 1024 ** 3)
    expect(formatUploadBytes(maxUploadBytesFromEnv({}))).toBe('4 GB')
  })

  it('takes a configured limit, and refuses one that is not a positive whole number', () => {
    expect(maxUploadBytesFromEnv({ MAX_UPLOAD_BYTES: '1048576' })).toBe(1024 * 1024)
    for (const bad of ['0', '-5', '1.5', 'lots']) {
      expect(() => maxUploadBytesFromEnv({ MAX_UPLOAD_BYTES: bad })).toThrow(`MAX_UPLOAD_BYTES must be a positive whole number of bytes, not "${bad}"`)
    }
  })

  it('keeps partial uploads in the data folder', () => {
    expect(uploadsDirFromEnv({ STORYREEL_DATA_DIR: '/srv/storyreel' })).toBe('/srv/storyreel/uploads')
  })
})
