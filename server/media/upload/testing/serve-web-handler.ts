// Test-only: mounts a web-standard Request → Response handler on a plain node http server on loopback, the way a
// route handler is mounted by Next.js, so the real tus client can talk to it. Production code never imports this.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Readable } from 'node:stream'

export async function serveWebHandler(handler: (request: Request) => Promise<Response>): Promise<{ origin: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    void (async () => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value)
      }
      const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && req.method !== 'OPTIONS'
      const request = new Request(`http://${req.headers.host}${req.url}`, {
        method: req.method,
        headers,
        body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
        // @ts-expect-error duplex is required by Node's fetch for streamed bodies and missing from the DOM types
        duplex: 'half',
      })
      const response = await handler(request)
      res.writeHead(response.status, Object.fromEntries(response.headers.entries()))
      if (response.body && req.method !== 'HEAD') {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) res.write(chunk)
      }
      res.end()
    })().catch((error: unknown) => {
      console.error('[test server]', error)
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
