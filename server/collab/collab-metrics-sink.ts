// What the collaboration server tells a metrics backend as it works. Only counts and one timing cross this line:
// server/observability turns them into Prometheus series, and the collab code never imports a metrics library.
// Gauges (rooms, sockets, unsaved updates) are not pushed from here; they are read from stats() at scrape time.
import type { FanoutKind } from './fanout'

/** Where an applied document update came from: a socket on this instance, another instance over Redis, or the
 * server itself (restores, imports, review nudges). */
export type UpdateSource = 'client' | 'instance' | 'server'

export interface CollabMetricsSink {
  /** Called once per applied update, on the hot path: implementations must only bump a counter. */
  updateApplied(source: UpdateSource): void
  /** An update reached collab_updates, `lagSeconds` after it was received. Called once per update per saved batch. */
  updateSaved(lagSeconds: number): void
  fanoutReceived(kind: FanoutKind): void
  fanoutPublished(kind: FanoutKind): void
}

export const noCollabMetrics: CollabMetricsSink = {
  updateApplied() {},
  updateSaved() {},
  fanoutReceived() {},
  fanoutPublished() {},
}
