import { hash, verify } from '@node-rs/argon2'

// @node-rs/argon2 defaults to argon2id with OWASP's minimum parameters (19 MiB, 2 passes, 1 lane).
export function hashPassword(password: string): Promise<string> {
  return hash(password)
}

/** False for a wrong password and for a stored hash we cannot read; never throws on bad input. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password)
  } catch {
    return false
  }
}

let decoyHash: Promise<string> | undefined

/**
 * Spends the same work as a real check when there is no hash to check against (unknown email, OAuth-only
 * account), so response time does not reveal whether an account exists.
 */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hash('storyreel-decoy-password')
  await verifyPassword(await decoyHash, password)
  return false
}
