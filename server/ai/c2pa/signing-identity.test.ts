import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { pemBlocks } from './signing-identity-files'
import { C2paIdentityError, ensureLocalSigningIdentity, loadSigningIdentity, localIdentityFile, makeSigningIdentityPem } from './signing-identity'

const folders: string[] = []
async function tempDir() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-c2pa-'))
  folders.push(dir)
  return dir
}
afterAll(() => Promise.all(folders.map((dir) => fs.rm(dir, { recursive: true, force: true }))))

/** An operator's files: the key alone, and the chain (signing certificate first). */
async function operatorFiles(organization: string) {
  const dir = await tempDir()
  const blocks = pemBlocks(await makeSigningIdentityPem(organization))
  const keyPath = path.join(dir, 'signer.key')
  const certPath = path.join(dir, 'chain.pem')
  await fs.writeFile(keyPath, blocks.find((block) => block.label === 'PRIVATE KEY')!.pem)
  await fs.writeFile(certPath, blocks.filter((block) => block.label === 'CERTIFICATE').map((block) => block.pem).join('\n'))
  return { keyPath, certPath }
}

describe('the local C2PA signing identity', () => {
  it('is made once, readable only by its owner, and reused', async () => {
    const dataDir = path.join(await tempDir(), 'data')
    const first = await ensureLocalSigningIdentity(dataDir)
    expect(first.created).toBe(true)
    const file = path.join(dataDir, localIdentityFile)
    expect((await fs.stat(file)).mode & 0o777).toBe(0o600)
    expect(first.certificate.subject).toMatch(/^CN=Storyreel generated media, O=Storyreel/)
    expect(first.chain.map((certificate) => certificate.subject)).toEqual([first.certificate.issuer])
    // The signing certificate really is issued by the CA that travels with it.
    expect(await first.certificate.verify({ publicKey: first.chain[0]!.publicKey, signatureOnly: true })).toBe(true)

    const again = await ensureLocalSigningIdentity(dataDir)
    expect(again.created).toBe(false)
    expect(again.certificate.serialNumber).toBe(first.certificate.serialNumber)
    expect(Buffer.from(again.privateKey).equals(Buffer.from(first.privateKey))).toBe(true)
    // Nothing but the identity is left in the folder (no temporary files).
    expect(await fs.readdir(dataDir)).toEqual([localIdentityFile])
  })

  it('is one identity when several callers ask at once in a fresh folder', async () => {
    const dataDir = await tempDir()
    const identities = await Promise.all(Array.from({ length: 4 }, () => ensureLocalSigningIdentity(dataDir)))
    expect(identities.filter((identity) => identity.created)).toHaveLength(1)
    expect(new Set(identities.map((identity) => identity.certificate.serialNumber)).size).toBe(1)
    expect(await fs.readdir(dataDir)).toEqual([localIdentityFile])
  })

  it('refuses a damaged file with a clear message and leaves it as it was', async () => {
    const dataDir = await tempDir()
    const file = path.join(dataDir, localIdentityFile)
    await ensureLocalSigningIdentity(dataDir)
    const original = await fs.readFile(file, 'utf8')
    const truncated = original.slice(0, original.lastIndexOf('-----BEGIN CERTIFICATE-----'))
    await fs.writeFile(file, truncated)
    const refused = ensureLocalSigningIdentity(dataDir)
    await expect(refused).rejects.toBeInstanceOf(C2paIdentityError)
    await expect(refused).rejects.toThrow(`${file} looks damaged (its signing certificate and CA are not both there). It was refused, not replaced`)
    expect(await fs.readFile(file, 'utf8')).toBe(truncated)

    // A key that is not the certificate's is caught too.
    const other = pemBlocks(await makeSigningIdentityPem()).find((block) => block.label === 'PRIVATE KEY')!.pem
    await fs.writeFile(file, original.replace(/-----BEGIN PRIVATE KEY-----[\s\S]*?-----END PRIVATE KEY-----/, other))
    await expect(ensureLocalSigningIdentity(dataDir)).rejects.toThrow(/looks damaged \(certificates: its first certificate is not the one for the private key/)
  })

  it('is not used when an operator configured a certificate', async () => {
    const dataDir = await tempDir()
    const files = await operatorFiles('Example Films Ltd')
    const identity = await loadSigningIdentity({ kind: 'operator', ...files })
    expect(identity.source).toBe('operator')
    expect(identity.certificate.subject).toContain('O=Example Films Ltd')
    expect(await fs.readdir(dataDir)).toEqual([])
  })

  it('names the variable whose file is wrong', async () => {
    const files = await operatorFiles('Mismatch')
    const stranger = await operatorFiles('Stranger')
    await expect(loadSigningIdentity({ kind: 'operator', keyPath: stranger.keyPath, certPath: files.certPath })).rejects.toThrow(
      `C2PA_SIGNING_CERT_PATH (${files.certPath}) its first certificate is not the one for the private key`,
    )
    const missing = path.join(await tempDir(), 'nope.key')
    await expect(loadSigningIdentity({ kind: 'operator', keyPath: missing, certPath: files.certPath })).rejects.toThrow(
      `C2PA_SIGNING_KEY_PATH: cannot read ${missing}: ENOENT`,
    )
  })
})
