import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { EnvError, loadEnv } from '@/server/env'
import { c2paConfigFromEnv } from './c2pa-config'
import { pemBlocks } from './signing-identity-files'
import { makeSigningIdentityPem } from './signing-identity'

describe('C2PA signing settings', () => {
  let dir: string
  let keyPath: string
  let certPath: string
  let otherKeyPath: string
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-c2pa-env-'))
    const write = async (name: string, text: string) => {
      await fs.writeFile(path.join(dir, name), text)
      return path.join(dir, name)
    }
    const blocks = pemBlocks(await makeSigningIdentityPem('Operator'))
    keyPath = await write('signer.key', blocks.find((block) => block.label === 'PRIVATE KEY')!.pem)
    certPath = await write('chain.pem', blocks.filter((block) => block.label === 'CERTIFICATE').map((block) => block.pem).join('\n'))
    otherKeyPath = await write('other.key', pemBlocks(await makeSigningIdentityPem()).find((block) => block.label === 'PRIVATE KEY')!.pem)
  })
  afterAll(() => fs.rm(dir, { recursive: true, force: true }))

  const startUpError = (env: Record<string, string>) => {
    try {
      loadEnv(env as NodeJS.ProcessEnv)
      return null
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError)
      return (error as Error).message
    }
  }

  it('uses the local identity in the data folder when nothing is set', () => {
    expect(startUpError({})).toBeNull()
    expect(c2paConfigFromEnv({ STORYREEL_DATA_DIR: '/srv/storyreel' })).toEqual({ kind: 'local', dataDir: '/srv/storyreel' })
  })

  it('accepts an operator key with its chain', () => {
    expect(startUpError({ C2PA_SIGNING_KEY_PATH: keyPath, C2PA_SIGNING_CERT_PATH: certPath })).toBeNull()
    expect(c2paConfigFromEnv({ C2PA_SIGNING_KEY_PATH: keyPath, C2PA_SIGNING_CERT_PATH: certPath })).toEqual({ kind: 'operator', keyPath, certPath })
  })

  it('refuses to start with half a pair, an unreadable file or a key that is not the certificate’s, naming the variable', () => {
    expect(startUpError({ C2PA_SIGNING_KEY_PATH: keyPath })).toContain('C2PA_SIGNING_CERT_PATH: C2PA_SIGNING_KEY_PATH and C2PA_SIGNING_CERT_PATH must be set together')
    expect(() => c2paConfigFromEnv({ C2PA_SIGNING_CERT_PATH: certPath })).toThrow('must be set together')
    expect(startUpError({ C2PA_SIGNING_KEY_PATH: path.join(dir, 'missing.key'), C2PA_SIGNING_CERT_PATH: certPath })).toContain(
      `C2PA_SIGNING_KEY_PATH: cannot read ${path.join(dir, 'missing.key')}: ENOENT`,
    )
    expect(startUpError({ C2PA_SIGNING_KEY_PATH: otherKeyPath, C2PA_SIGNING_CERT_PATH: certPath })).toContain(
      'C2PA_SIGNING_CERT_PATH: its first certificate is not the one for the private key',
    )
    expect(startUpError({ C2PA_SIGNING_KEY_PATH: certPath, C2PA_SIGNING_CERT_PATH: certPath })).toContain('C2PA_SIGNING_KEY_PATH: holds no readable PEM private key')
  })
})
