// The running collaboration server of this process, published on globalThis: the Next.js bundle (server actions,
// route handlers) loads our modules separately from server/main.ts's tsx module graph, so a module-level variable set
// there would be invisible here. Only globalThis is shared (db/client.ts keeps its handle the same way).
import type { LiveDocuments } from './document-access'

const globalKey = Symbol.for('storyreel.collab')
type GlobalWithCollab = typeof globalThis & { [globalKey]?: { documents: LiveDocuments } }

/** Called by server/main.ts once createCollabServer() has returned (and by tests that run one in process). */
export function setCollabServer(server: { documents: LiveDocuments } | null): void {
  const store = globalThis as GlobalWithCollab
  if (server) store[globalKey] = server
  else delete store[globalKey]
}

/** The collab server running in this process, or null (unit tests, scripts, the job worker). */
export function getCollabServer(): { documents: LiveDocuments } | null {
  return (globalThis as GlobalWithCollab)[globalKey] ?? null
}
