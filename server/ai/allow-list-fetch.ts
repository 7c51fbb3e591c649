// The only way generation code reaches the network: a fetch that refuses any host not configured for a provider,
// follows redirects only to allowed hosts, and gives up after a time limit. Passed to every AI SDK provider as
// `fetch`, and used for the video download step, so a provider answer that points elsewhere cannot make us call out.

export class OutboundHostRefusedError extends Error {
  override name = 'OutboundHostRefusedError'
  constructor(readonly host: string) {
    super(`Outbound call to ${host} refused: it is not one of the configured generation providers' hosts.`)
  }
}

export class ProviderTimeoutError extends Error {
  override name = 'ProviderTimeoutError'
  constructor(readonly timeoutMs: number) {
    super(`The provider did not answer within ${Math.round(timeoutMs / 1000)} s.`)
  }
}

export type FetchFunction = typeof globalThis.fetch

export function isHostAllowed(url: URL, allowedHosts: readonly string[]): boolean {
  const host = url.host.toLowerCase()
  const hostname = url.hostname.toLowerCase()
  const defaultPort = url.port === ''
  return allowedHosts.some((entry) => {
    if (entry.includes(':')) return entry === host
    if (!defaultPort) return false
    if (entry.startsWith('*.')) return hostname.endsWith(entry.slice(1)) && hostname.length > entry.length - 1
    return entry === hostname
  })
}

const maxRedirects = 5

export function createAllowListFetch(options: { allowedHosts: readonly string[]; timeoutMs: number; fetch?: FetchFunction }): FetchFunction {
  const { allowedHosts, timeoutMs } = options
  const baseFetch = options.fetch ?? globalThis.fetch
  const allowListFetch = async (input: Parameters<FetchFunction>[0], init?: RequestInit): Promise<Response> => {
    let url = new URL(input instanceof Request ? input.url : input.toString())
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new OutboundHostRefusedError(url.protocol)
    if (!isHostAllowed(url, allowedHosts)) throw new OutboundHostRefusedError(url.host)

    const timeout = AbortSignal.timeout(timeoutMs)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    const request = input instanceof Request ? input : undefined
    let current: RequestInit = { ...init, signal, redirect: 'manual' }
    try {
      for (let hop = 0; ; hop++) {
        const response = await baseFetch(request && hop === 0 ? request : url, current)
        const location = response.headers.get('location')
        if (response.status < 300 || response.status >= 400 || !location) return response
        if (hop >= maxRedirects) throw new OutboundHostRefusedError(`${url.host} (too many redirects)`)
        const next = new URL(location, url)
        if (!isHostAllowed(next, allowedHosts)) throw new OutboundHostRefusedError(next.host)
        await response.body?.cancel()
        // A redirected POST becomes a GET, as browsers do; the body is never sent to the new address.
        const method = (current.method ?? 'GET').toUpperCase()
        if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
          current = { ...current, method: 'GET', body: undefined }
        }
        url = next
      }
    } catch (error) {
      if (timeout.aborted && !init?.signal?.aborted) throw new ProviderTimeoutError(timeoutMs)
      throw error
    }
  }
  return allowListFetch as FetchFunction
}
