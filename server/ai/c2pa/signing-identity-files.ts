import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto'
import { KeyUsageFlags, KeyUsagesExtension, X509Certificate } from '@peculiar/x509'
import { CoseAlgorithmIdentifier } from '@trustnxt/c2pa-ts/cose'

/** A private key and the certificate chain that vouches for it, ready for c2pa-ts's LocalSigner. */
export interface SigningIdentity {
  source: 'local' | 'operator'
  /** PKCS#8 DER. */
  privateKey: Uint8Array
  algorithm: CoseAlgorithmIdentifier
  certificate: X509Certificate
  /** Intermediates (and, for the local identity, its own CA), signing certificate excluded. */
  chain: X509Certificate[]
}

const pemBlock = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END \1-----/g

export function pemBlocks(text: string): { label: string; pem: string }[] {
  return [...text.matchAll(pemBlock)].map((match) => ({ label: match[1]!, pem: match[0] }))
}

function coseAlgorithmFor(key: KeyObject): CoseAlgorithmIdentifier | null {
  switch (key.asymmetricKeyType) {
    case 'ec': {
      const curve = key.asymmetricKeyDetails?.namedCurve
      if (curve === 'prime256v1') return CoseAlgorithmIdentifier.ES256
      if (curve === 'secp384r1') return CoseAlgorithmIdentifier.ES384
      if (curve === 'secp521r1') return CoseAlgorithmIdentifier.ES512
      return null
    }
    case 'ed25519':
      return CoseAlgorithmIdentifier.Ed25519
    case 'rsa':
    case 'rsa-pss':
      return CoseAlgorithmIdentifier.PS256
    default:
      return null
  }
}

/**
 * Parses a PEM private key and a PEM chain (signing certificate first) into a signing identity, or says what is wrong
 * with which of the two. Checks what would otherwise only show up as an invalid signature later: the key matches the
 * certificate, the certificate may sign (digitalSignature) and is inside its validity period.
 */
export function parseIdentity(
  keyPem: string,
  certPem: string,
  source: SigningIdentity['source'],
  now = new Date(),
): SigningIdentity | { error: string; variable: 'key' | 'cert' } {
  let key: KeyObject
  try {
    key = createPrivateKey(keyPem)
  } catch {
    return { variable: 'key', error: 'holds no readable PEM private key (PKCS#8, SEC1 or PKCS#1, unencrypted)' }
  }
  const algorithm = coseAlgorithmFor(key)
  if (algorithm === null) {
    return { variable: 'key', error: `is a ${key.asymmetricKeyType ?? 'unknown'} key C2PA cannot sign with; use EC P-256/P-384/P-521, Ed25519 or RSA` }
  }
  const certificates: X509Certificate[] = []
  try {
    for (const block of pemBlocks(certPem)) if (block.label === 'CERTIFICATE') certificates.push(new X509Certificate(block.pem))
  } catch {
    return { variable: 'cert', error: 'holds a certificate that cannot be read' }
  }
  const [certificate, ...chain] = certificates
  if (!certificate) return { variable: 'cert', error: 'holds no PEM certificate (-----BEGIN CERTIFICATE-----)' }
  const keySpki = createPublicKey(key).export({ type: 'spki', format: 'der' })
  if (!keySpki.equals(Buffer.from(certificate.publicKey.rawData))) {
    return { variable: 'cert', error: 'its first certificate is not the one for the private key (the signing certificate must come first)' }
  }
  const usages = certificate.getExtension(KeyUsagesExtension)
  if (usages && !(usages.usages & KeyUsageFlags.digitalSignature)) {
    return { variable: 'cert', error: 'its signing certificate does not allow digital signatures (keyUsage digitalSignature)' }
  }
  if (certificate.notAfter <= now || certificate.notBefore > now) {
    return { variable: 'cert', error: `its signing certificate is valid only from ${certificate.notBefore.toISOString()} to ${certificate.notAfter.toISOString()}` }
  }
  return { source, privateKey: new Uint8Array(key.export({ type: 'pkcs8', format: 'der' })), algorithm, certificate, chain }
}

/** The operator's files, as checked at start-up by server/env.ts. */
export function parseOperatorIdentity(keyPem: string, certPem: string): SigningIdentity | { error: string; variable: 'key' | 'cert' } {
  return parseIdentity(keyPem, certPem, 'operator')
}
