// A TCP forwarder the app instances reach Postgres through, so a test can take "the database" away from them without
// stopping the machine's shared PostgreSQL: cut() destroys every open connection and refuses new ones until restore().
import net from 'node:net'

export interface TcpForwarder {
  port: number
  /** Drops every forwarded connection and refuses new ones. */
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpForwarder(target: { host: string; port: number }): Promise<TcpForwarder> {
  let cut = false
  const open = new Set<net.Socket>()
  const server = net.createServer((client) => {
    if (cut) {
      client.destroy()
      return
    }
    const upstream = net.connect(target.port, target.host)
    open.add(client)
    open.add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop)
    upstream.on('error', drop)
    client.on('close', drop)
    upstream.on('close', drop)
    client.pipe(upstream)
    upstream.pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    cut() {
      cut = true
      for (const socket of open) socket.destroy()
      open.clear()
    },
    restore() {
      cut = false
    },
    close() {
      for (const socket of open) socket.destroy()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
