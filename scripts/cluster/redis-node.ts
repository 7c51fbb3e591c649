// The cluster's own Redis on a free loopback port. The machine's Redis on 6379 is shared with other tests and other
// engineers; restarting it would break them, so the restart fault is played on this one.
import { pingRedis } from '../../server/collab/testing/redis'
import { freePort } from './free-port'
import { ManagedProcess } from './managed-process'

export interface RedisNode {
  url: string
  port: number
  /** Stops the server (connections drop) and starts it again on the same port, empty. */
  restart(downMs?: number): Promise<void>
  stop(): Promise<void>
  start(): Promise<void>
}

export async function startRedisNode(options: { echo?: boolean; binary?: string } = {}): Promise<RedisNode> {
  const port = await freePort()
  const server = new ManagedProcess({
    name: 'redis',
    command: options.binary ?? '/usr/bin/redis-server',
    args: ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    echo: options.echo,
  })
  const start = async () => {
    server.start()
    await waitForPong(port, 10_000)
  }
  await start()
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    start,
    stop: () => server.stop(5_000),
    async restart(downMs = 1_000) {
      await server.stop(5_000)
      await new Promise((resolve) => setTimeout(resolve, downMs))
      await start()
    },
  }
}

async function waitForPong(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const ok = await pingRedis(port)
    if (ok) return
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  throw new Error(`redis-server on ${port} did not answer PING within ${timeoutMs} ms`)
}
