type HeaderBag = Headers | Record<string, string | string[] | undefined> | undefined

/** Set by server/main.ts on every request from the socket (or, with TRUST_PROXY=true, the proxy's x-forwarded-for). */
export const clientIpHeader = 'x-storyreel-client-ip'

function readHeader(headers: HeaderBag, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as Record<string, string | string[] | undefined>)[name]
  return Array.isArray(value) ? value[0] : value
}

/**
 * The client's address for rate limiting. server/main.ts overwrites the header on every request, so a client cannot
 * choose its own address; x-forwarded-for is only believed when the operator says a proxy sets it (TRUST_PROXY).
 */
export function clientIp(headers: HeaderBag): string {
  return readHeader(headers, clientIpHeader)?.trim().slice(0, 64) || 'unknown'
}

/** What server/main.ts stamps: the first x-forwarded-for entry behind a trusted proxy, else the socket address. */
export function resolveClientIp(forwardedFor: string | string[] | undefined, socketAddress: string | undefined, trustProxy: boolean): string {
  const forwarded = (Array.isArray(forwardedFor) ? forwardedFor[0] : forwardedFor)?.split(',')[0]?.trim()
  if (trustProxy && forwarded) return forwarded
  return socketAddress ?? 'unknown'
}
