/**
 * Who signs the C2PA manifests embedded in generated images, read from the environment (server/env.ts validates the
 * same keys at start-up; they are read again here because the job code may run in a bundle that does not share the
 * parsed env).
 *
 *   C2PA_SIGNING_KEY_PATH    unset   PEM private key (PKCS#8, SEC1 or PKCS#1) of an operator's signing certificate.
 *   C2PA_SIGNING_CERT_PATH   unset   PEM certificate chain for that key: the signing certificate first, then its
 *                                    intermediates. Both set: manifests are signed with it. Both unset: a local
 *                                    identity made on first use in STORYREEL_DATA_DIR/c2pa-signing.pem, which no
 *                                    validator trusts (it shows the images as signed by an unknown signer).
 */
import fs from 'node:fs'
import path from 'node:path'
import { z } from 'zod'
import { parseOperatorIdentity } from './signing-identity-files'

const optionalPath = z.string().trim().min(1).optional()

/** The C2PA_* keys, shared with server/env.ts so start-up validation and this module agree. */
export const c2paEnvShape = {
  C2PA_SIGNING_KEY_PATH: optionalPath,
  C2PA_SIGNING_CERT_PATH: optionalPath,
}

type C2paEnv = { [Key in keyof typeof c2paEnvShape]?: string }

export type C2paSigningConfig = { kind: 'local'; dataDir: string } | { kind: 'operator'; keyPath: string; certPath: string }

/**
 * Cross-field rules and the files themselves, reported against the variable a person has to change. Reading the two
 * files here makes a wrong path or a key that does not match its certificate a start-up error, not a failed
 * generation hours later.
 */
export function checkC2paEnv(env: C2paEnv, addIssue: (variable: keyof C2paEnv, message: string) => void): void {
  if (!env.C2PA_SIGNING_KEY_PATH && !env.C2PA_SIGNING_CERT_PATH) return
  if (!env.C2PA_SIGNING_KEY_PATH || !env.C2PA_SIGNING_CERT_PATH) {
    addIssue(env.C2PA_SIGNING_KEY_PATH ? 'C2PA_SIGNING_CERT_PATH' : 'C2PA_SIGNING_KEY_PATH', 'C2PA_SIGNING_KEY_PATH and C2PA_SIGNING_CERT_PATH must be set together')
    return
  }
  const read = (variable: keyof C2paEnv, file: string): string | null => {
    try {
      return fs.readFileSync(file, 'utf8')
    } catch (error) {
      addIssue(variable, `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`)
      return null
    }
  }
  const keyPem = read('C2PA_SIGNING_KEY_PATH', env.C2PA_SIGNING_KEY_PATH)
  const certPem = read('C2PA_SIGNING_CERT_PATH', env.C2PA_SIGNING_CERT_PATH)
  if (keyPem === null || certPem === null) return
  const problem = parseOperatorIdentity(keyPem, certPem)
  if ('error' in problem) addIssue(problem.variable === 'key' ? 'C2PA_SIGNING_KEY_PATH' : 'C2PA_SIGNING_CERT_PATH', problem.error)
}

/** Which identity signs; throws an Error naming the variable when only one of the pair is set. */
export function c2paConfigFromEnv(source: Record<string, string | undefined> = process.env): C2paSigningConfig {
  const keyPath = source.C2PA_SIGNING_KEY_PATH?.trim() || undefined
  const certPath = source.C2PA_SIGNING_CERT_PATH?.trim() || undefined
  if (keyPath && certPath) return { kind: 'operator', keyPath: path.resolve(keyPath), certPath: path.resolve(certPath) }
  if (keyPath || certPath) throw new Error('C2PA_SIGNING_KEY_PATH and C2PA_SIGNING_CERT_PATH must be set together')
  return { kind: 'local', dataDir: path.resolve(source.STORYREEL_DATA_DIR || '.data') }
}
