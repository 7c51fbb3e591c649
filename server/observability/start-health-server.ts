// A port of its own for a process that serves nothing else (the dedicated job worker), so a cluster can probe it and
// Prometheus can scrape it. Everything but the health routes is a 404.
import http from 'node:http'
import type { HealthRoutes } from './health-routes'

export async function startHealthServer(options: { host: string; port: number; routes: HealthRoutes }): Promise<{ close(): Promise<void> }> {
  const server = http.createServer((request, response) => {
    if (!options.routes(request, response)) response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not Found\n')
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, options.host, () => {
      server.off('error', reject)
      resolve()
    })
  })
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}
