type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * The client's address for rate limiting: the first x-forwarded-for entry (set by the reverse proxy in front of us),
 * else x-real-ip, else the socket's address when the caller has one, else "unknown".
 * x-forwarded-for can be forged by a client talking to us directly, which is why sign-in also has a per-email limit.
 */
export function clientIp(headers: HeaderBag, socketAddress?: string | null): string {
  const forwarded = readHeader(headers, 'x-forwarded-for')?.split(',')[0]?.trim()
  if (forwarded) return forwarded.slice(0, 64)
  const real = readHeader(headers, 'x-real-ip')?.trim()
  if (real) return real.slice(0, 64)
  return socketAddress || 'unknown'
}
