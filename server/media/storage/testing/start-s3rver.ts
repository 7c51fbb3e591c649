// A throw-away S3-compatible server (s3rver, in this process, on a free loopback port, objects in a temp folder) for
// tests of S3Storage and of code that stores media through it. Test-only; production code never imports this file.
import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import { createRequire } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3'
import type { S3Config } from '../s3-config'

// s3rver ships no types; this is the part of its API used here.
interface S3rverServer {
  run(): Promise<{ address: string; port: number }>
  close(): Promise<void>
}
type S3rverConstructor = new (options: { port: number; address: string; silent: boolean; directory: string }) => S3rverServer
const S3rver = createRequire(import.meta.url)('s3rver') as S3rverConstructor

export interface RunningS3rver {
  endpoint: string
  /** Makes a new, empty bucket and the settings S3Storage needs to use it. */
  createBucket(): Promise<S3Config>
  close(): Promise<void>
}

export async function startS3rver(): Promise<RunningS3rver> {
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-s3rver-'))
  const server = new S3rver({ port: 0, address: '127.0.0.1', silent: true, directory })
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    createBucket: () => createTestBucket({ endpoint, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } }),
    async close() {
      await server.close()
      await fs.rm(directory, { recursive: true, force: true })
    },
  }
}

/** A fresh bucket on any S3-compatible endpoint (s3rver here, or TEST_S3_ENDPOINT's MinIO), path-style. */
export async function createTestBucket(params: { endpoint: string; region?: string; credentials: { accessKeyId: string; secretAccessKey: string } }): Promise<S3Config> {
  const config: S3Config = {
    // Bucket names are 3–63 lowercase characters.
    bucket: `storyreel-test-${randomUUID().slice(0, 8)}`,
    region: params.region ?? 'us-east-1',
    endpoint: params.endpoint,
    forcePathStyle: true,
    credentials: params.credentials,
  }
  const client = new S3Client({ ...config, requestChecksumCalculation: 'WHEN_REQUIRED', responseChecksumValidation: 'WHEN_REQUIRED' })
  try {
    await client.send(new CreateBucketCommand({ Bucket: config.bucket }))
  } finally {
    client.destroy()
  }
  return config
}
