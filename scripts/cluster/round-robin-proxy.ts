// The load balancer in front of the app instances: round-robin for HTTP requests and WebSocket upgrades alike (no
// stickiness, so the cluster proves any instance can serve any request). A dead instance is skipped for a while
// instead of answering the client with an error, as a real balancer's health check would.
import http from 'node:http'
import type net from 'node:net'
import httpProxy from 'http-proxy'

export interface RoundRobinProxy {
  url: string
  port: number
  close(): Promise<void>
}

const skipDeadForMs = 1_000

export async function startRoundRobinProxy(options: { targets: () => string[]; port?: number }): Promise<RoundRobinProxy> {
  const proxy = httpProxy.createProxyServer({ xfwd: true, ws: true })
  const deadUntil = new Map<string, number>()
  let next = 0
  const pick = (): string | null => {
    const targets = options.targets()
    for (let tried = 0; tried < targets.length; tried++) {
      const target = targets[next++ % targets.length] as string
      if ((deadUntil.get(target) ?? 0) <= Date.now()) return target
    }
    return targets[next++ % Math.max(1, targets.length)] ?? null
  }
  const markDead = (target: string) => deadUntil.set(target, Date.now() + skipDeadForMs)

  const server = http.createServer((req, res) => {
    const target = pick()
    if (!target) return void res.writeHead(503).end('no instance')
    proxy.web(req, res, { target }, (error) => {
      markDead(target)
      if (!res.headersSent) res.writeHead(502).end(`proxy: ${(error as Error).message}`)
    })
  })
  // Upgraded sockets are no longer the HTTP server's connections: close() ends them itself.
  const upgraded = new Set<net.Socket>()
  server.on('upgrade', (req, socket: net.Socket, head) => {
    const target = pick()
    if (!target) return void socket.destroy()
    upgraded.add(socket)
    socket.once('close', () => upgraded.delete(socket))
    proxy.ws(req, socket, head, { target }, () => {
      markDead(target)
      socket.destroy()
    })
  })
  // A client socket that errors (an instance killed mid-frame) must not crash the proxy.
  proxy.on('error', () => {})
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections()
        for (const socket of upgraded) socket.destroy()
        proxy.close()
        server.close(() => resolve())
      }),
  }
}
