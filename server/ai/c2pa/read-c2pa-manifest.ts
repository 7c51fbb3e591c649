import type { X509Certificate } from '@peculiar/x509'
import { PNG } from '@trustnxt/c2pa-ts/asset'
import { SuperBox } from '@trustnxt/c2pa-ts/jumbf'
import { ActionAssertion, ManifestStore } from '@trustnxt/c2pa-ts/manifest'

export interface ReadC2paAction {
  action: string
  digitalSourceType: string | null
  softwareAgent: string | null
  parameters: Record<string, unknown>
}

export interface ReadC2paManifest {
  manifestLabel: string | null
  instanceId: string | null
  claimGenerator: string | null
  actions: ReadC2paAction[]
  signer: {
    subject: string | null
    issuer: string | null
    /** The signing certificate's signature checks out against the next certificate in the chain (c2pa-ts does not check this). */
    chainVerified: boolean
  }
  validation: {
    /** c2pa-ts's verdict: claim signature, assertion hashes, the data hash over the file, certificate profile. */
    isValid: boolean
    /** Every status code that failed, e.g. `assertion.dataHash.mismatch`. */
    failures: string[]
    passed: string[]
  }
}

async function chainVerified(certificate: X509Certificate | undefined, chain: X509Certificate[]): Promise<boolean> {
  const issuer = chain[0]
  if (!certificate || !issuer) return false
  return certificate.verify({ publicKey: issuer.publicKey, signatureOnly: true }).catch(() => false)
}

/**
 * Reads and validates the C2PA manifest embedded in a PNG: what it claims (actions, software agent, parameters), who
 * signed it, and whether it still matches the file's bytes. Null when the file is not a PNG or carries no manifest.
 * "Valid" here is structural: no trust list is consulted, so a local identity's manifest is valid and still from an
 * unknown signer.
 */
export async function readC2paManifest(bytes: Uint8Array): Promise<ReadC2paManifest | null> {
  if (!PNG.canRead(bytes)) return null
  const asset = new PNG(bytes)
  const jumbf = asset.getManifestJUMBF()
  if (!jumbf) return null
  const store = ManifestStore.read(SuperBox.fromBuffer(new Uint8Array(jumbf)))
  const manifest = store.getActiveManifest()
  const result = await store.validate(asset)
  const signature = manifest?.signature?.signatureData
  const actions = (manifest?.assertions?.assertions ?? [])
    .filter((assertion): assertion is ActionAssertion => assertion instanceof ActionAssertion)
    .flatMap((assertion) => assertion.actions)
    .map(
      (action): ReadC2paAction => ({
        action: action.action,
        digitalSourceType: action.digitalSourceType ?? null,
        softwareAgent: action.softwareAgent?.name ?? null,
        parameters: Object.fromEntries(Object.entries(action.parameters ?? {}).filter(([name]) => name !== 'ingredients')),
      }),
    )
  return {
    manifestLabel: manifest?.label ?? null,
    instanceId: manifest?.claim?.instanceID ?? null,
    claimGenerator: manifest?.claim?.claimGeneratorName ?? null,
    actions,
    signer: {
      subject: signature?.certificate?.subject ?? null,
      issuer: signature?.certificate?.issuer ?? null,
      chainVerified: await chainVerified(signature?.certificate, signature?.chainCertificates ?? []),
    },
    validation: {
      isValid: result.isValid,
      failures: result.statusEntries.filter((entry) => !entry.success).map((entry) => entry.code),
      passed: result.statusEntries.filter((entry) => entry.success).map((entry) => entry.code),
    },
  }
}
