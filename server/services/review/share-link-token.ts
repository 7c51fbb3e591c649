import crypto from 'node:crypto'

// 32 random bytes (256 bits) in base64url: 43 characters. Only the SHA-256 is stored.
export function generateShareLinkToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, tokenHash: hashShareLinkToken(token) }
}

export function hashShareLinkToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

export function shareLinkUrl(token: string): string {
  const base = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '')
  return `${base}/r/${token}`
}
