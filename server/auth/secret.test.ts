import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { ensureAuthSecret } from './secret'

const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'storyreel-secret-'))

describe('the session secret of a local install', () => {
  it('is generated once into the data folder, readable by its owner only, and reused on the next start', () => {
    const dir = path.join(tempDir(), 'data-not-yet-made')
    const first = ensureAuthSecret(dir)
    expect(first.source).toBe('generated')
    expect(first.secret.length).toBeGreaterThanOrEqual(32)
    expect(fs.statSync(path.join(dir, 'auth-secret')).mode & 0o777).toBe(0o600)
    expect(ensureAuthSecret(dir)).toEqual({ secret: first.secret, source: 'file' })
  })

  it('prefers NEXTAUTH_SECRET and writes nothing', () => {
    const dir = tempDir()
    expect(ensureAuthSecret(dir, 'x'.repeat(40))).toEqual({ secret: 'x'.repeat(40), source: 'env' })
    expect(fs.existsSync(path.join(dir, 'auth-secret'))).toBe(false)
  })

  it('refuses a damaged secret file instead of quietly replacing it (that would sign everyone out)', () => {
    const dir = tempDir()
    fs.writeFileSync(path.join(dir, 'auth-secret'), 'short\n')
    expect(() => ensureAuthSecret(dir)).toThrow(/looks damaged/)
    expect(fs.readFileSync(path.join(dir, 'auth-secret'), 'utf8')).toBe('short\n')
  })
})
