// Issue 7: a cut uploaded (tus) through instance A plays through instance B, with media in S3 (s3rver): B answers a
// Range request with 206 and exactly those bytes of the stored original, which lives in the bucket, not on a disk.
import fs from 'node:fs/promises'
import path from 'node:path'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { and, eq } from 'drizzle-orm'
import { Upload } from 'tus-js-client'
import { afterAll, beforeAll, expect, it } from 'vitest'
import type { DatabaseHandle } from '@/db/client'
import { assets, reviewItems } from '@/db/schema'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { createProject as seedProject, createUser } from '@/server/collab/testing/fixtures'
import { s3StorageAvailable, startCluster, type Cluster } from './topology'
import { openClusterDatabase } from './testing/cluster-fixtures'

let cluster: Cluster
let database: DatabaseHandle
let folder: Awaited<ReturnType<typeof tempFolder>>

beforeAll(async () => {
  cluster = await startCluster({ workers: 0, s3: true })
  database = await openClusterDatabase(cluster.databaseUrl)
  folder = await tempFolder()
})

afterAll(async () => {
  await folder?.cleanup()
  await database?.close()
  await cluster?.stop()
})

it.runIf(s3StorageAvailable())('a cut uploaded through instance A is served with ranges by instance B from S3', async () => {
  const [a, b] = cluster.instances
  const owner = await createUser(database.db, 'Cluster Editor', cluster.secret)
  const { workspaceId, projectId } = await seedProject(database.db, owner)
  const reviewItemId = crypto.randomUUID()
  await database.db.insert(reviewItems).values({ id: reviewItemId, workspaceId, projectId, title: 'Cut 1', kind: 'cut', createdBy: owner.id })
  const file = await makeClip(path.join(folder.dir, 'cut.mp4'), { video: 'testsrc=s=320x240:r=24:d=3' })
  const original = await fs.readFile(file)

  const versionId = await new Promise<string>((resolve, reject) => {
    const upload = new Upload(original, {
      endpoint: `${a!.url}/api/uploads`,
      uploadSize: original.byteLength,
      chunkSize: 64 * 1024,
      metadata: { projectId, reviewItemId, filename: 'cut.mp4' },
      headers: { Cookie: owner.cookie, Origin: cluster.proxyUrl },
      retryDelays: null,
      onSuccess: ({ lastResponse }) => resolve(lastResponse.getHeader('Storyreel-Version-Id') ?? ''),
      onError: reject,
    })
    upload.start()
  })
  expect(versionId).not.toBe('')

  const [asset] = await database.db
    .select({ id: assets.id, storageKey: assets.storageKey, bytes: assets.bytes })
    .from(assets)
    .where(and(eq(assets.projectId, projectId), eq(assets.kind, 'video')))
  expect(asset?.bytes).toBe(original.byteLength)

  // The original is in the bucket (so B cannot be reading A's disk).
  const s3 = new S3Client({ region: 'us-east-1', endpoint: cluster.s3!.endpoint, forcePathStyle: true, credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } })
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: cluster.s3!.bucket }))
  s3.destroy()
  expect(listed.Contents?.map((object) => object.Key)).toContain(asset!.storageKey)

  const response = await fetch(`${b!.url}/api/media/${asset!.id}`, { headers: { Cookie: owner.cookie, Range: 'bytes=100-1123' } })
  expect(response.status).toBe(206)
  expect(response.headers.get('content-range')).toBe(`bytes 100-1123/${original.byteLength}`)
  expect(Buffer.from(await response.arrayBuffer()).equals(original.subarray(100, 1124))).toBe(true)
})
