import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { imageLimitsFromEnv } from './config'
import { mediaRootFromEnv, storageFromEnv } from './storage/get-storage'
import { LocalDiskStorage } from './storage/local-disk-storage'
import { S3Storage } from './storage/s3-storage'

describe('media configuration', () => {
  it('limits images to 25 MB and 100 megapixels unless MAX_IMAGE_BYTES says otherwise', () => {
    expect(imageLimitsFromEnv({})).toMatchObject({ maxBytes: 25 * 1024 * 1024, maxPixels: 100_000_000 })
    expect(imageLimitsFromEnv({ MAX_IMAGE_BYTES: '' }).maxBytes).toBe(25 * 1024 * 1024)
    expect(imageLimitsFromEnv({ MAX_IMAGE_BYTES: '1048576' }).maxBytes).toBe(1048576)
    expect(() => imageLimitsFromEnv({ MAX_IMAGE_BYTES: '25MB' })).toThrow(/MAX_IMAGE_BYTES must be a positive whole number/)
  })

  it('keeps media on local disk under STORYREEL_DATA_DIR/media', () => {
    expect(mediaRootFromEnv({})).toBe(path.resolve('.data', 'media'))
    const storage = storageFromEnv({ STORYREEL_DATA_DIR: '/srv/storyreel' })
    expect(storage).toBeInstanceOf(LocalDiskStorage)
    expect((storage as LocalDiskStorage).root).toBe(path.resolve('/srv/storyreel/media'))
  })

  it('keeps media in S3 when S3_BUCKET is set, and refuses S3 settings without a bucket rather than use local disk', () => {
    expect(storageFromEnv({ S3_BUCKET: 'reels' })).toBeInstanceOf(S3Storage)
    expect(() => storageFromEnv({ S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET: S3_ENDPOINT is set but S3_BUCKET is not/)
  })
})
