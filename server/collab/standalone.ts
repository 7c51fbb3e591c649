// The collaboration server on its own (no Next.js): the same createCollabServer that server/main.ts mounts, behind a
// bare HTTP server. Integration tests and the benchmark spawn it as a real process they can SIGKILL or SIGTERM.
//   PORT, HOST, APP_URL, NEXTAUTH_SECRET, DATABASE_URL or STORYREEL_DATA_DIR, COLLAB_*, REDIS_URL
// With an IPC channel (child_process.fork), answers { type: 'stats', gc? } with memory, event-loop delay and room counts.
import http from 'node:http'
import { databaseConfigFromEnv, migrateDatabase, openDatabase, setDatabase } from '@/db/client'
import { createCollabServer } from './index'
import { answerStatsRequests } from './testing/stats-reporter'

const log = (line: string) => console.log(`[collab-standalone] ${line}`)

async function main() {
  const port = Number(process.env.PORT ?? 4100)
  const host = process.env.HOST ?? '127.0.0.1'
  process.env.APP_URL ??= `http://localhost:${port}`
  const database = await openDatabase(databaseConfigFromEnv())
  await migrateDatabase(database)
  setDatabase(database)

  const collab = createCollabServer({ log: (line) => console.log(`[collab] ${line}`) })
  const server = http.createServer((request, response) => {
    if (request.url?.startsWith('/collab/')) return collab.handleRequest(request, response)
    response.writeHead(404).end()
  })
  server.on('upgrade', (request, socket, head) => {
    if (request.url?.startsWith('/collab/')) collab.handleUpgrade(request, socket, head)
    else socket.destroy()
  })
  answerStatsRequests(() => collab.stats())

  let stopping = false
  const shutdown = async (signal: string) => {
    if (stopping) return
    stopping = true
    log(`${signal}: flushing and stopping`)
    server.close()
    server.closeAllConnections()
    await collab.close()
    await database.close()
    log('stopped cleanly')
    process.exit(0)
  }
  process.on('SIGTERM', () => void shutdown('SIGTERM'))
  process.on('SIGINT', () => void shutdown('SIGINT'))

  await new Promise<void>((resolve) => server.listen(port, host, resolve))
  // Last, so whoever waits for this line can rely on signals and IPC being handled.
  log(`ready on ${host}:${port}`)
}

main().catch((error: unknown) => {
  console.error('[collab-standalone] failed to start:', error)
  process.exit(1)
})
