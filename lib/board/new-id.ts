// Crockford's base-32 alphabet in lower case: 32 symbols, so `byte & 31` picks each one equally often.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz'

/**
 * A random entity id: 25 characters of [0-9a-z], 125 bits, safe in document names (`panel:<id>`) and URLs.
 * Uses getRandomValues rather than randomUUID because the latter only exists in secure contexts, and a self-hosted
 * instance is sometimes opened over plain http on a local network.
 */
export function newId(): string {
  let id = ''
  for (const byte of globalThis.crypto.getRandomValues(new Uint8Array(25))) id += ALPHABET[byte & 31]
  return id
}
