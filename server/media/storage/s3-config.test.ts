import { text } from 'node:stream/consumers'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadEnv } from '@/server/env'
import { storageFromEnv, StorageConfigError } from './get-storage'
import { s3ConfigFromEnv } from './s3-config'
import { S3Storage } from './s3-storage'
import { startS3rver, type RunningS3rver } from './testing/start-s3rver'

describe('S3 media storage configuration', () => {
  it('is off without S3_BUCKET, and an empty variable counts as unset', () => {
    expect(s3ConfigFromEnv({})).toBeNull()
    expect(s3ConfigFromEnv({ S3_BUCKET: '', S3_ENDPOINT: '', S3_REGION: '' })).toBeNull()
  })

  it('talks to AWS in us-east-1 with the default credential chain unless told otherwise', () => {
    expect(s3ConfigFromEnv({ S3_BUCKET: 'reels' })).toEqual({ bucket: 'reels', region: 'us-east-1', endpoint: undefined, forcePathStyle: false, credentials: undefined })
    expect(s3ConfigFromEnv({ S3_BUCKET: 'reels', S3_REGION: 'eu-central-1', S3_FORCE_PATH_STYLE: 'true' })).toMatchObject({ region: 'eu-central-1', forcePathStyle: true })
  })

  it('uses path-style addresses for a self-hosted endpoint unless S3_FORCE_PATH_STYLE=false', () => {
    const minio = { S3_BUCKET: 'reels', S3_ENDPOINT: 'http://minio:9000', S3_ACCESS_KEY_ID: 'storyreel', S3_SECRET_ACCESS_KEY: 'secret-key' }
    expect(s3ConfigFromEnv(minio)).toEqual({
      bucket: 'reels',
      region: 'us-east-1',
      endpoint: 'http://minio:9000',
      forcePathStyle: true,
      credentials: { accessKeyId: 'storyreel', secretAccessKey: 'secret-key' },
    })
    expect(s3ConfigFromEnv({ ...minio, S3_FORCE_PATH_STYLE: 'false' })?.forcePathStyle).toBe(false)
  })

  it.each([
    [{ S3_BUCKET: 'Reels_2024' }, /S3_BUCKET: must be a bucket name/],
    [{ S3_BUCKET: 'ab' }, /S3_BUCKET: must be a bucket name/],
    [{ S3_BUCKET: 'reels', S3_ENDPOINT: 'minio:9000' }, /S3_ENDPOINT: must be an http:\/\/ or https:\/\/ address/],
    [{ S3_BUCKET: 'reels', S3_ENDPOINT: 'ftp://minio' }, /S3_ENDPOINT: must be an http:\/\/ or https:\/\/ address/],
    [{ S3_BUCKET: 'reels', S3_FORCE_PATH_STYLE: 'yes' }, /S3_FORCE_PATH_STYLE: must be true or false/],
    [{ S3_BUCKET: 'reels', S3_ACCESS_KEY_ID: 'storyreel' }, /S3_SECRET_ACCESS_KEY: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/],
    [{ S3_BUCKET: 'reels', S3_SECRET_ACCESS_KEY: 'secret' }, /S3_ACCESS_KEY_ID: S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY must be set together/],
    [{ S3_ENDPOINT: 'http://minio:9000' }, /S3_BUCKET: S3_ENDPOINT is set but S3_BUCKET is not/],
  ])('refuses %j, naming the variable to fix', (env, message) => {
    expect(() => s3ConfigFromEnv(env)).toThrow(StorageConfigError)
    expect(() => s3ConfigFromEnv(env)).toThrow(message)
    expect(() => storageFromEnv(env)).toThrow(message)
  })

  it('is checked at start-up by server/env.ts with the same rules', () => {
    expect(() => loadEnv({ NODE_ENV: 'test', S3_ENDPOINT: 'http://minio:9000' })).toThrow(/S3_BUCKET: S3_ENDPOINT is set but S3_BUCKET is not/)
    expect(() => loadEnv({ NODE_ENV: 'test', S3_BUCKET: 'Not A Bucket' })).toThrow(/S3_BUCKET: must be a bucket name/)
    expect(loadEnv({ NODE_ENV: 'test', S3_BUCKET: 'reels', S3_ENDPOINT: 'http://minio:9000' })).toMatchObject({ S3_BUCKET: 'reels', S3_REGION: 'us-east-1' })
  })
})

describe('storageFromEnv with S3_* set', () => {
  let server: RunningS3rver
  beforeAll(async () => {
    server = await startS3rver()
  })
  afterAll(() => server.close())

  it('stores media in the bucket, not on local disk', async () => {
    const { bucket } = await server.createBucket()
    const storage = storageFromEnv({
      STORYREEL_DATA_DIR: '/nonexistent/storyreel',
      S3_BUCKET: bucket,
      S3_ENDPOINT: server.endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    })
    expect(storage).toBeInstanceOf(S3Storage)
    expect(storage.kind).toBe('s3')
    try {
      await storage.put('projects/p/a/original', new TextEncoder().encode('in the bucket'), { contentType: 'text/plain' })
      expect(await text((await storage.get('projects/p/a/original')).stream)).toBe('in the bucket')
    } finally {
      ;(storage as S3Storage).destroy()
    }
  })
})
