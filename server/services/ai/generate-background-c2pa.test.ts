import { createHash } from 'node:crypto'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getDb } from '@/db'
import type { DatabaseHandle } from '@/db/client'
import { assets, provenance } from '@/db/schema'
import { openTestDatabase } from '@/db/test-database'
import { aiConfigFromEnv } from '@/server/ai/ai-config'
import type { C2paSigningConfig } from '@/server/ai/c2pa/c2pa-config'
import { modelParameter, providerParameter } from '@/server/ai/c2pa/embed-c2pa-manifest'
import { readC2paManifest } from '@/server/ai/c2pa/read-c2pa-manifest'
import { pemBlocks } from '@/server/ai/c2pa/signing-identity-files'
import { localIdentityFile, makeSigningIdentityPem } from '@/server/ai/c2pa/signing-identity'
import { pngBase64, startFakeImageServer, type FakeImageServer } from '@/server/ai/testing/fake-image-server'
import { filesUnder, useTemporaryMediaStorage } from '@/server/services/assets/testing'
import { createProject } from '@/server/services/projects/create-project'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'
import { outcome, seedTeam } from '@/server/services/testing/fixtures'
import { generateBackgroundImages } from './generate-background-images'

function expectOne<T>(items: T[]): [T] {
  expect(items).toHaveLength(1)
  return items as [T]
}

const trained = 'http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia'
const algorithmic = 'http://cv.iptc.org/newscodes/digitalsourcetype/algorithmicMedia'

describe('generated backgrounds carry a signed C2PA manifest', () => {
  let handle: DatabaseHandle
  let media: Awaited<ReturnType<typeof useTemporaryMediaStorage>>
  let server: FakeImageServer
  let scratch: string
  let signing: C2paSigningConfig
  beforeAll(async () => {
    handle = await openTestDatabase()
    media = await useTemporaryMediaStorage()
    server = await startFakeImageServer()
    scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'storyreel-c2pa-gen-'))
    signing = { kind: 'local', dataDir: path.join(scratch, 'data') }
  })
  afterAll(async () => {
    await server.close()
    await media.cleanup()
    await handle.close()
    await fs.rm(scratch, { recursive: true, force: true })
  })

  async function freshProject(label: string) {
    const team = await seedTeam(label)
    const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: `${label} film`, frameRate: '24', resolution: '1280x720' })
    return { ...team, projectId }
  }
  async function storedFiles(projectId: string) {
    const db = await getDb()
    const rows = await db.select().from(assets).where(eq(assets.projectId, projectId))
    const ledger = await db.select().from(provenance).where(eq(provenance.projectId, projectId))
    return Promise.all(
      rows.map(async (asset) => ({
        asset,
        ledger: ledger.find((row) => row.assetId === asset.id)!,
        bytes: new Uint8Array(await fs.readFile(path.join(media.root, asset.storageKey))),
      })),
    )
  }

  it('signs what the offline generator stores: the manifest validates, names the generator and model, and the asset row describes the signed file', async () => {
    const team = await freshProject('C2PA offline')
    await generateBackgroundImages({
      actor: team.editor,
      projectId: team.projectId,
      request: { prompt: 'secret plot twist: the lighthouse keeper', variations: 2, seed: 7 },
      config: aiConfigFromEnv({}),
      signing,
    })
    const files = await storedFiles(team.projectId)
    expect(files).toHaveLength(2)
    for (const { asset, ledger, bytes } of files) {
      // The asset's size and hash are of the file as stored, manifest included.
      expect(asset.bytes).toBe(bytes.length)
      expect(asset.sha256).toBe(createHash('sha256').update(bytes).digest('hex'))

      const manifest = await readC2paManifest(bytes)
      expect(manifest?.validation).toMatchObject({ isValid: true, failures: [] })
      expect(manifest?.validation.passed).toEqual(expect.arrayContaining(['claimSignature.validated', 'assertion.dataHash.match']))
      expect(manifest?.claimGenerator).toBe('Storyreel')
      // The offline generator is procedural, not a trained model, and the manifest says so.
      expect(manifest?.actions).toEqual([
        {
          action: 'c2pa.created',
          digitalSourceType: algorithmic,
          softwareAgent: 'Offline generator (procedural, no AI model)',
          parameters: expect.objectContaining({ [providerParameter]: 'offline', [modelParameter]: 'backdrop-1' }),
        },
      ])
      expect(manifest?.signer).toMatchObject({ subject: expect.stringMatching(/^CN=Storyreel generated media/), chainVerified: true })

      // The ledger row points at this manifest.
      expect(ledger.parameters).toMatchObject({
        c2pa: { embedded: true, manifestLabel: manifest?.manifestLabel, instanceId: manifest?.instanceId, signer: 'local', signerSubject: manifest?.signer.subject },
      })
      // The prompt stays in the workspace's ledger; it does not travel inside the file.
      expect(ledger.prompt).toBe('secret plot twist: the lighthouse keeper')
      expect(Buffer.from(bytes).includes('lighthouse keeper')).toBe(false)
    }
    expect((await fs.stat(path.join(signing.kind === 'local' ? signing.dataDir : '', localIdentityFile))).mode & 0o777).toBe(0o600)

    // The exported disclosure JSON carries the same pointer for each generated image.
    const report = await getProjectDisclosure({ actor: team.viewer, projectId: team.projectId })
    const reported = report.entries.map((entry) => entry.parameters.c2pa)
    expect(reported).toHaveLength(2)
    expect(reported).toEqual(expect.arrayContaining(files.map(({ ledger }) => (ledger.parameters as { c2pa: unknown }).c2pa)))
  })

  it('fails validation with a hash mismatch once one byte of the stored image changes', async () => {
    const team = await freshProject('C2PA tamper')
    await generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'misty valley', seed: 3 }, config: aiConfigFromEnv({}), signing })
    const [{ bytes }] = expectOne(await storedFiles(team.projectId))
    // A byte of picture data, well inside the file (the manifest chunk sits near the start).
    const tampered = bytes.slice()
    tampered[bytes.length - 100] = tampered[bytes.length - 100]! ^ 0x01
    const manifest = await readC2paManifest(tampered)
    expect(manifest?.validation.isValid).toBe(false)
    expect(manifest?.validation.failures).toEqual(['assertion.dataHash.mismatch'])
    // The claim itself is still intact: only the binding to the picture broke.
    expect(manifest?.validation.passed).toContain('claimSignature.validated')
  })

  it('marks a real model’s picture as trainedAlgorithmicMedia with its provider and model', async () => {
    const team = await freshProject('C2PA remote')
    server.script({ status: 200, json: { data: [{ b64_json: await pngBase64(96, 54) }] } })
    const config = aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:sdxl-turbo', OPENAI_BASE_URL: server.baseUrl, AI_REQUEST_TIMEOUT_MS: '1000' })
    await generateBackgroundImages({ actor: team.owner, projectId: team.projectId, request: { prompt: 'harbour at dawn' }, config, signing })
    const [{ bytes }] = expectOne(await storedFiles(team.projectId))
    const manifest = await readC2paManifest(bytes)
    expect(manifest?.validation.isValid).toBe(true)
    expect(manifest?.actions).toEqual([
      {
        action: 'c2pa.created',
        digitalSourceType: trained,
        softwareAgent: 'openai-compatible sdxl-turbo',
        parameters: expect.objectContaining({ [providerParameter]: 'openai-compatible', [modelParameter]: 'sdxl-turbo' }),
      },
    ])
  })

  it('signs with the operator’s certificate when one is configured', async () => {
    const team = await freshProject('C2PA operator')
    const blocks = pemBlocks(await makeSigningIdentityPem('Example Films Ltd'))
    const keyPath = path.join(scratch, 'operator.key')
    const certPath = path.join(scratch, 'operator-chain.pem')
    await fs.writeFile(keyPath, blocks.find((block) => block.label === 'PRIVATE KEY')!.pem)
    await fs.writeFile(certPath, blocks.filter((block) => block.label === 'CERTIFICATE').map((block) => block.pem).join('\n'))
    await generateBackgroundImages({
      actor: team.editor,
      projectId: team.projectId,
      request: { prompt: 'snowy pass' },
      config: aiConfigFromEnv({}),
      signing: { kind: 'operator', keyPath, certPath },
    })
    const [{ bytes, ledger }] = expectOne(await storedFiles(team.projectId))
    const manifest = await readC2paManifest(bytes)
    expect(manifest?.validation.isValid).toBe(true)
    expect(manifest?.signer.subject).toContain('O=Example Films Ltd')
    expect(ledger.parameters).toMatchObject({ c2pa: { embedded: true, signer: 'operator', signerSubject: expect.stringContaining('O=Example Films Ltd') } })
  })

  it('stores nothing when the signing identity is damaged, and says so', async () => {
    const team = await freshProject('C2PA damaged')
    const dataDir = path.join(scratch, 'damaged')
    await fs.mkdir(dataDir, { recursive: true })
    await fs.writeFile(path.join(dataDir, localIdentityFile), 'not a key\n', { mode: 0o600 })
    const before = (await filesUnder(media.root)).length
    await expect(
      generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'a barn' }, config: aiConfigFromEnv({}), signing: { kind: 'local', dataDir } }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE', userMessage: expect.stringContaining('cannot sign generated images') })
    expect(await storedFiles(team.projectId)).toEqual([])
    expect((await filesUnder(media.root)).length).toBe(before)
    expect(await outcome(() => generateBackgroundImages({ actor: team.editor, projectId: team.projectId, request: { prompt: 'a barn' }, config: aiConfigFromEnv({}), signing }))).toBe('ok')
  })
})
