// The stock peer: @y/websocket-server 0.1.1's own connection handler (setupWSConnection, no auth, no persistence)
// behind the same `ws` version its server.js uses. Its server.js, plus the IPC stats the benchmark asks every server for.
import http from 'node:http'
import { createRequire } from 'node:module'
import { monitorEventLoopDelay } from 'node:perf_hooks'
import { docs, setupWSConnection } from '@y/websocket-server/utils'

const requireFromStock = createRequire(createRequire(import.meta.url).resolve('@y/websocket-server/package.json'))
// ws 6 exports the server as `Server`; the shape used here is the same as ws 8's WebSocketServer.
const { Server: WebSocketServer } = requireFromStock('ws') as { Server: typeof import('ws').WebSocketServer }

const port = Number(process.env.PORT ?? 4182)
const wss = new WebSocketServer({ noServer: true })
const server = http.createServer((_request, response) => response.writeHead(200).end('okay'))
wss.on('connection', setupWSConnection)
server.on('upgrade', (request, socket, head) => {
  wss.handleUpgrade(request, socket, head, (ws) => wss.emit('connection', ws, request))
})

const loopDelay = monitorEventLoopDelay({ resolution: 10 })
loopDelay.enable()
process.on('message', (message: { type?: string; id?: number; gc?: boolean }) => {
  if (message?.type !== 'stats') return
  if (message.gc) (globalThis as { gc?: () => void }).gc?.()
  const memory = process.memoryUsage()
  const loopDelayP99 = loopDelay.percentile(99) / 1e6
  const loopDelayMax = loopDelay.max / 1e6
  loopDelay.reset()
  process.send?.({ type: 'stats', id: message.id, rss: memory.rss, heapUsed: memory.heapUsed, loopDelayP99, loopDelayMax, rooms: docs.size, connections: wss.clients.size })
})
process.on('SIGTERM', () => process.exit(0))
server.listen(port, '127.0.0.1', () => console.log(`stock y-websocket server ready on 127.0.0.1:${port}`))
