// The stock peer: @y/websocket-server 0.1.1's own connection handler (setupWSConnection, no auth, no persistence)
// behind the same `ws` version its server.js uses. Its server.js, plus the IPC stats the benchmark asks every server for.
import http from 'node:http'
import { createRequire } from 'node:module'
import { answerStatsRequests } from '@/server/collab/testing/stats-reporter'
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

answerStatsRequests(() => ({ rooms: docs.size, connections: wss.clients.size }))
process.on('SIGTERM', () => process.exit(0))
server.listen(port, '127.0.0.1', () => console.log(`stock y-websocket server ready on 127.0.0.1:${port}`))
