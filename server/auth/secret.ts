import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

/**
 * NEXTAUTH_SECRET if set; otherwise a secret generated on first start and kept in <dataDir>/auth-secret (mode 0600),
 * so a local install needs no set-up and sessions survive restarts. Production deployments should set the variable.
 */
export function ensureAuthSecret(dataDir: string, fromEnv?: string): { secret: string; source: 'env' | 'file' | 'generated' } {
  if (fromEnv) return { secret: fromEnv, source: 'env' }
  const file = path.join(dataDir, 'auth-secret')
  if (fs.existsSync(file)) {
    const secret = fs.readFileSync(file, 'utf8').trim()
    if (secret.length < 32) {
      throw new Error(`${file} is shorter than 32 characters; it looks damaged. Delete it to sign everyone out and make a new one.`)
    }
    return { secret, source: 'file' }
  }
  fs.mkdirSync(dataDir, { recursive: true })
  const secret = crypto.randomBytes(32).toString('base64url')
  fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' })
  return { secret, source: 'generated' }
}
