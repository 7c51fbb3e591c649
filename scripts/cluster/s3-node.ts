// An S3-compatible server on loopback (s3rver, files in a temp folder) with the cluster's bucket made, so media goes
// through the same S3 client code a real deployment uses. Credentials are s3rver's fixed pair.
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
// s3rver ships no types; its constructor takes the options below and run() resolves with the listening address.
// @ts-expect-error -- untyped CommonJS module
import S3rver from 's3rver'

export interface S3Node {
  endpoint: string
  bucket: string
  /** The S3_* variables an app instance needs to use this server. */
  env: Record<string, string>
  stop(): Promise<void>
}

interface S3rverInstance {
  run(): Promise<{ port: number }>
  close(): Promise<void>
}

export async function startS3Node(options: { bucket?: string } = {}): Promise<S3Node> {
  // S3 bucket names: 3–63 characters, lower-case letters, digits and dashes.
  const bucket = options.bucket ?? `storyreel-cluster-${Math.random().toString(36).slice(2, 8)}`
  const directory = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-s3-'))
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory, configureBuckets: [{ name: bucket }] }) as S3rverInstance
  const { port } = await server.run()
  const endpoint = `http://127.0.0.1:${port}`
  return {
    endpoint,
    bucket,
    env: {
      S3_BUCKET: bucket,
      S3_REGION: 'us-east-1',
      S3_ENDPOINT: endpoint,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    },
    async stop() {
      await server.close()
      await fs.rm(directory, { recursive: true, force: true })
    },
  }
}
