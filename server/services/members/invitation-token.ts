import crypto from 'node:crypto'

// 32 random bytes in base64url: 43 characters, no padding.
const tokenPattern = /^[A-Za-z0-9_-]{43}$/

/** A new link token and the SHA-256 we store; the token itself is shown once and never saved. */
export function generateInvitationToken(): { token: string; tokenHash: string } {
  const token = crypto.randomBytes(32).toString('base64url')
  return { token, tokenHash: hashInvitationToken(token) }
}

export function hashInvitationToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}

export function isWellFormedInvitationToken(token: string): boolean {
  return tokenPattern.test(token)
}

export function invitationUrl(token: string): string {
  const base = (process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? 'http://localhost:3000').replace(/\/$/, '')
  return `${base}/invite/${token}`
}
