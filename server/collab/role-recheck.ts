// Access is decided at the upgrade, but people lose access while connected: a removed member, a downgraded editor,
// an expired session, a revoked share link. Every few seconds the roles behind all open sockets are read again.
import { roleLabels } from '@/lib/roles'
import { closeCodes } from '@/lib/collab/close-codes'
import { currentRoles, type RoleCheck } from './access'
import { principalKey, type GuestResolver } from './auth'
import type { Connection } from './connection'

export class RoleRechecker {
  private readonly timer: NodeJS.Timeout
  private running = false

  constructor(
    intervalMs: number,
    private readonly connections: () => Connection[],
    private readonly guestResolver: () => GuestResolver | null,
    private readonly log: (line: string) => void,
  ) {
    this.timer = setInterval(() => void this.recheck(), intervalMs)
    this.timer.unref()
  }

  stop(): void {
    clearInterval(this.timer)
  }

  async recheck(): Promise<void> {
    if (this.running) return
    this.running = true
    try {
      const nowSeconds = Date.now() / 1000
      for (const connection of this.connections()) {
        const { expiresAt } = connection.principal
        if (connection.isOpen && expiresAt !== null && expiresAt < nowSeconds) {
          connection.close(closeCodes.sessionEnded, 'Your session has ended; sign in again to keep editing.')
        }
      }
      const open = this.connections().filter((connection) => connection.isOpen)
      if (open.length === 0) return
      // One check per person and project (per document for guests, whose access is per review), however many sockets.
      const checks = new Map<string, RoleCheck>()
      for (const connection of open) {
        checks.set(checkKey(connection), { principal: connection.principal, projectId: connection.projectId, docId: connection.docId })
      }
      const keys = [...checks.keys()]
      const roles = await currentRoles([...checks.values()], this.guestResolver())
      const roleByKey = new Map(keys.map((key, i) => [key, roles[i] ?? null]))
      for (const connection of open) {
        if (!connection.isOpen) continue
        const role = roleByKey.get(checkKey(connection)) ?? null
        if (role === null) {
          connection.close(closeCodes.accessRevoked, 'Your access to this project was removed.')
        } else if (role !== connection.role) {
          // Takes effect at once (a new viewer's updates are dropped from now on); the close makes the client
          // reconnect and learn its new access.
          connection.role = role
          connection.close(closeCodes.accessChanged, `Your role changed to ${roleLabels[role].toLowerCase()}; reconnecting.`)
        }
      }
    } catch (error) {
      // Access stays as it was until the database answers again.
      this.log(`role recheck failed: ${(error as Error).message}`)
    } finally {
      this.running = false
    }
  }
}

function checkKey(connection: Connection): string {
  const scope = connection.principal.kind === 'guest' ? connection.docId : connection.projectId
  return `${principalKey(connection.principal)}\n${scope}`
}
