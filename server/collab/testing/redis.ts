// Where the Redis tests find Redis: TEST_REDIS_URL (set in CI), else a local server on 127.0.0.1:6379 if one answers.
import net from 'node:net'

export async function findRedis(): Promise<{ url: string; skipReason?: undefined } | { url?: undefined; skipReason: string }> {
  if (process.env.TEST_REDIS_URL) return { url: process.env.TEST_REDIS_URL }
  const answers = await pingRedis(6379)
  if (answers) return { url: 'redis://127.0.0.1:6379' }
  return { skipReason: 'TEST_REDIS_URL is unset and no Redis answers on 127.0.0.1:6379' }
}

/** One PING over a plain socket: true when a Redis answers PONG on 127.0.0.1:port within 500 ms. */
export function pingRedis(port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = net.connect(port, '127.0.0.1')
    const done = (value: boolean) => {
      socket.destroy()
      resolve(value)
    }
    socket.setTimeout(500, () => done(false))
    socket.once('error', () => done(false))
    socket.once('connect', () => socket.write('PING\r\n'))
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')))
  })
}
