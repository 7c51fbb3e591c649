import { randomBytes, randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import {
  AuthorityKeyIdentifierExtension,
  BasicConstraintsExtension,
  ExtendedKeyUsage,
  ExtendedKeyUsageExtension,
  KeyUsageFlags,
  KeyUsagesExtension,
  PemConverter,
  SubjectKeyIdentifierExtension,
  X509CertificateGenerator,
} from '@peculiar/x509'
import type { C2paSigningConfig } from './c2pa-config'
import { parseIdentity, pemBlocks, type SigningIdentity } from './signing-identity-files'

export const localIdentityFile = 'c2pa-signing.pem'

export class C2paIdentityError extends Error {
  override name = 'C2paIdentityError'
}

const ecdsa = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const
const year = 365 * 24 * 60 * 60 * 1000
// Without a time-stamp authority (we work offline) validators check the certificate against *today*, so an image
// would read as "expired" once the certificate runs out: give the local identity a long life.
const leafLifetime = 20 * year

// A positive serial of 16 random bytes (RFC 5280 allows up to 20).
const serialNumber = () => {
  const bytes = randomBytes(16)
  bytes[0] = bytes[0]! & 0x7f | 0x01
  return bytes.toString('hex')
}

/**
 * A fresh identity in C2PA's certificate profile: an installation CA (CA:TRUE, keyCertSign) and a signing certificate
 * it issues (CA:FALSE, digitalSignature, emailProtection, key identifiers). Validators refuse a self-signed signing
 * certificate outright; a CA of our own at least makes "unknown signer" the answer. The CA's private key is thrown away
 * once the signing certificate exists, so whoever reads the data folder can use the one key but never mint more.
 */
export async function makeSigningIdentityPem(organization = 'Storyreel'): Promise<string> {
  const installation = randomUUID()
  const now = Date.now()
  const notBefore = new Date(now - 60 * 60 * 1000) // an hour of clock skew
  const caKeys = await crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])
  const ca = await X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: serialNumber(),
      name: `CN=Storyreel installation CA (not a trusted CA), O=${organization}, OU=${installation}`,
      notBefore,
      notAfter: new Date(now + leafLifetime + year),
      signingAlgorithm: ecdsa,
      keys: caKeys,
      extensions: [
        new BasicConstraintsExtension(true, 0, true),
        new KeyUsagesExtension(KeyUsageFlags.keyCertSign | KeyUsageFlags.cRLSign, true),
        await SubjectKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  )
  const leafKeys = await crypto.subtle.generateKey(ecdsa, true, ['sign', 'verify'])
  const leaf = await X509CertificateGenerator.create(
    {
      serialNumber: serialNumber(),
      subject: `CN=Storyreel generated media, O=${organization}, OU=${installation}`,
      issuer: ca.subject,
      notBefore,
      notAfter: new Date(now + leafLifetime),
      signingAlgorithm: ecdsa,
      publicKey: leafKeys.publicKey,
      signingKey: caKeys.privateKey,
      extensions: [
        new BasicConstraintsExtension(false, undefined, true),
        new KeyUsagesExtension(KeyUsageFlags.digitalSignature, true),
        new ExtendedKeyUsageExtension([ExtendedKeyUsage.emailProtection], false),
        await SubjectKeyIdentifierExtension.create(leafKeys.publicKey, false, crypto),
        await AuthorityKeyIdentifierExtension.create(caKeys.publicKey, false, crypto),
      ],
    },
    crypto,
  )
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', leafKeys.privateKey)
  return [
    '# Storyreel C2PA signing identity for generated images. Made on first use; keep it private (mode 0600).',
    '# Deleting it makes a new identity: images signed before keep naming the old one.',
    PemConverter.encode(pkcs8, 'PRIVATE KEY'),
    leaf.toString('pem'),
    ca.toString('pem'),
    '',
  ].join('\n')
}

function parseLocalIdentity(file: string, text: string): SigningIdentity {
  const blocks = pemBlocks(text)
  const key = blocks.find((block) => block.label === 'PRIVATE KEY')
  const certificates = blocks.filter((block) => block.label === 'CERTIFICATE')
  const damaged = (why: string) =>
    new C2paIdentityError(
      `${file} looks damaged (${why}). It was refused, not replaced: restore it from a backup, or delete it to make a new C2PA signing identity (images signed before keep naming the old one).`,
    )
  if (!key) throw damaged('no private key')
  if (certificates.length < 2) throw damaged('its signing certificate and CA are not both there')
  const parsed = parseIdentity(key.pem, certificates.map((block) => block.pem).join('\n'), 'local')
  if ('error' in parsed) throw damaged(`${parsed.variable === 'key' ? 'private key' : 'certificates'}: ${parsed.error}`)
  return parsed
}

/**
 * The installation's own signing identity in <dataDir>/c2pa-signing.pem: made on first use (mode 0600) and reused,
 * like the session secret. A file that is there but unreadable is refused with the reason, never silently replaced:
 * a new identity would quietly change who signed the next images. Processes that start together agree on one file
 * (written aside, then linked into place only if no other process got there first).
 */
export async function ensureLocalSigningIdentity(dataDir: string): Promise<SigningIdentity & { created: boolean }> {
  const file = path.join(dataDir, localIdentityFile)
  const existing = await fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null
    throw new C2paIdentityError(`Cannot read the C2PA signing identity ${file}: ${error.code ?? String(error)}`)
  })
  if (existing !== null) return { ...parseLocalIdentity(file, existing), created: false }

  await fs.mkdir(dataDir, { recursive: true })
  const aside = `${file}.${process.pid}.${randomUUID()}.tmp`
  await fs.writeFile(aside, await makeSigningIdentityPem(), { mode: 0o600, flag: 'wx' })
  try {
    await fs.link(aside, file)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    // Another process made one first: use theirs.
    return { ...parseLocalIdentity(file, await fs.readFile(file, 'utf8')), created: false }
  } finally {
    await fs.rm(aside, { force: true })
  }
  return { ...parseLocalIdentity(file, await fs.readFile(file, 'utf8')), created: true }
}

async function readOperatorIdentity(keyPath: string, certPath: string): Promise<SigningIdentity> {
  const read = (variable: string, file: string) =>
    fs.readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      throw new C2paIdentityError(`${variable}: cannot read ${file}: ${error.code ?? String(error)}`)
    })
  const parsed = parseIdentity(await read('C2PA_SIGNING_KEY_PATH', keyPath), await read('C2PA_SIGNING_CERT_PATH', certPath), 'operator')
  if ('error' in parsed) {
    throw new C2paIdentityError(parsed.variable === 'key' ? `C2PA_SIGNING_KEY_PATH (${keyPath}) ${parsed.error}` : `C2PA_SIGNING_CERT_PATH (${certPath}) ${parsed.error}`)
  }
  return parsed
}

// One load per configuration and process; a failed load is forgotten so a fixed file is picked up on the next try.
const loaded = new Map<string, Promise<SigningIdentity>>()

/** The identity that signs this installation's manifests: the operator's certificate when configured, else the local one. */
export function loadSigningIdentity(config: C2paSigningConfig): Promise<SigningIdentity> {
  const cacheKey = config.kind === 'operator' ? `operator:${config.keyPath}:${config.certPath}` : `local:${config.dataDir}`
  let identity = loaded.get(cacheKey)
  if (!identity) {
    identity = config.kind === 'operator' ? readOperatorIdentity(config.keyPath, config.certPath) : ensureLocalSigningIdentity(config.dataDir)
    loaded.set(cacheKey, identity)
    identity.catch(() => loaded.delete(cacheKey))
  }
  return identity
}
