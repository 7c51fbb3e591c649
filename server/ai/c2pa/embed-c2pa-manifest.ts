import { randomUUID } from 'node:crypto'
import { PNG } from '@trustnxt/c2pa-ts/asset'
import { LocalSigner } from '@trustnxt/c2pa-ts/cose'
import { ActionAssertion, ActionType, DataHashAssertion, DigitalSourceType, ManifestStore } from '@trustnxt/c2pa-ts/manifest'
import type { SigningIdentity } from './signing-identity-files'

export interface GenerationFacts {
  provider: string
  model: string
  /**
   * True for the built-in procedural generator, which paints from rules and no trained model: its pictures are
   * `algorithmicMedia`, not `trainedAlgorithmicMedia`, and saying otherwise would be the false claim C2PA exists to stop.
   */
  offline: boolean
  generatedAt: Date
  /** The name shown as the action's software agent, e.g. "openai-compatible sdxl-turbo". */
  softwareAgent: string
  /**
   * Only when the team chose to publish it: a manifest travels with every copy of the file, beyond the workspace that
   * can read the ledger. Storyreel's own generation path leaves it out.
   */
  prompt?: string
}

export interface EmbeddedC2paManifest {
  bytes: Uint8Array
  /** The manifest's label in the store (urn:uuid:… with this library), what a validator names it by. */
  manifestLabel: string
  instanceId: string
  signer: { source: SigningIdentity['source']; subject: string; issuer: string }
}

export const claimGeneratorName = 'Storyreel'
export const providerParameter = 'org.storyreel.provider'
export const modelParameter = 'org.storyreel.model'
export const generatedAtParameter = 'org.storyreel.generated_at'

export const c2paSupportedMime = 'image/png'

/**
 * Signs a C2PA manifest into a PNG (a caBX chunk) that says a model made it: one `c2pa.created` action with the
 * IPTC digital source type, the provider and model as the software agent and parameters, and a hard binding
 * (SHA-256 over the whole file outside the manifest). Offline: no time-stamp authority, no network.
 */
export async function embedC2paManifest(png: Uint8Array, facts: GenerationFacts, identity: SigningIdentity): Promise<EmbeddedC2paManifest> {
  if (!PNG.canRead(png)) throw new Error('embedC2paManifest: not a PNG')
  const asset = new PNG(png)
  const signer = new LocalSigner(identity.privateKey, identity.algorithm, identity.certificate, identity.chain)
  const store = new ManifestStore()
  const instanceId = `xmp:iid:${randomUUID()}`
  const manifest = store.createManifest({ assetFormat: c2paSupportedMime, instanceID: instanceId, defaultHashAlgorithm: 'SHA-256', signer })
  if (manifest.claim) manifest.claim.claimGeneratorName = claimGeneratorName

  const actions = new ActionAssertion()
  actions.label = 'c2pa.actions.v2'
  actions.actions = [
    {
      action: ActionType.C2paCreated,
      digitalSourceType: facts.offline ? DigitalSourceType.AlgorithmicMedia : DigitalSourceType.TrainedAlgorithmicMedia,
      softwareAgent: { name: facts.softwareAgent },
      ...(facts.prompt ? { description: facts.prompt } : {}),
      parameters: {
        [providerParameter]: facts.provider,
        [modelParameter]: facts.model,
        [generatedAtParameter]: facts.generatedAt.toISOString(),
      },
    },
  ]
  manifest.addAssertion(actions)
  const hash = DataHashAssertion.create('SHA-256')
  manifest.addAssertion(hash)

  await asset.ensureManifestSpace(store.measureSize())
  await hash.updateWithAsset(asset)
  await manifest.sign(signer)
  await asset.writeManifestJUMBF(store.getBytes())
  const bytes = await asset.getDataRange()
  if (!manifest.label) throw new Error('embedC2paManifest: the signed manifest has no label')
  return {
    bytes,
    manifestLabel: manifest.label,
    instanceId,
    signer: { source: identity.source, subject: identity.certificate.subject, issuer: identity.certificate.issuer },
  }
}
