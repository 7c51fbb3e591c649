// Documents in Postgres: an append-only log of Yjs updates (collab_updates) folded now and then into one snapshot row
// (collab_snapshots). Only updates are ever appended and snapshots are built from what the database holds, never
// from memory, so a document that failed to load (or loaded empty) can never overwrite stored data.
import { and, eq, inArray, sql } from 'drizzle-orm'
import * as Y from 'yjs'
import { getDatabase, getDb } from '@/db'
import { collabSnapshots, collabUpdates } from '@/db/schema'
import { Batcher } from './batcher'
import { noCollabMetrics, type CollabMetricsSink } from './collab-metrics-sink'

export interface StoredDocument {
  /** Snapshot first, then every update row not yet folded into it. */
  updates: Uint8Array[]
  /** Update rows not yet folded into the snapshot. */
  unfoldedRows: number
}

export async function loadDocument(docId: string): Promise<StoredDocument> {
  const db = await getDb()
  // One snapshot of the database for both reads, so a compaction committing in between cannot hide rows.
  return db.transaction(
    async (tx) => {
      const [snapshot] = await tx.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.docId, docId))
      // Every remaining row, not "seq > last_seq": with several writers a lower seq can commit after a higher one.
      const rows = await tx
        .select({ update: collabUpdates.update })
        .from(collabUpdates)
        .where(eq(collabUpdates.docId, docId))
        .orderBy(collabUpdates.seq)
      const updates = rows.map((row) => row.update)
      return { updates: snapshot ? [snapshot.state, ...updates] : updates, unfoldedRows: rows.length }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
}

/** Folds a document's update rows into its snapshot in one transaction. Returns how many rows were folded. */
export async function compactDocument(docId: string): Promise<number> {
  const db = await getDb()
  return db.transaction(async (tx) => {
    // Two instances compacting the same document would each fold a different view; take turns.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`collab:${docId}`}))`)
    const [snapshot] = await tx.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.docId, docId))
    const rows = await tx
      .select({ seq: collabUpdates.seq, update: collabUpdates.update })
      .from(collabUpdates)
      .where(eq(collabUpdates.docId, docId))
      .orderBy(collabUpdates.seq)
    if (rows.length === 0) return 0
    // Through a document rather than Y.mergeUpdates so deleted content is garbage-collected out of the snapshot.
    const doc = new Y.Doc()
    try {
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state)
        for (const row of rows) Y.applyUpdate(doc, row.update)
      })
      const state = Y.encodeStateAsUpdate(doc)
      const lastSeq = rows.reduce((max, row) => Math.max(max, row.seq), 0)
      await tx
        .insert(collabSnapshots)
        .values({ docId, state, lastSeq, bytes: state.byteLength })
        .onConflictDoUpdate({
          target: collabSnapshots.docId,
          set: { state, lastSeq, bytes: state.byteLength, updatedAt: new Date() },
        })
      const seqs = rows.map((row) => row.seq)
      for (let i = 0; i < seqs.length; i += 5_000) {
        await tx.delete(collabUpdates).where(and(eq(collabUpdates.docId, docId), inArray(collabUpdates.seq, seqs.slice(i, i + 5_000))))
      }
      return rows.length
    } finally {
      doc.destroy()
    }
  })
}

interface PendingUpdate {
  docId: string
  update: Uint8Array
  /** performance.now() at append, for the persistence-lag histogram (a field on the object we make anyway). */
  receivedAt: number
}

export interface UpdateLogOptions {
  flushMs: number
  compactAfter: number
  log: (line: string) => void
  metrics?: CollabMetricsSink
}

/**
 * Appends received updates to collab_updates in batches (one row per document per batch) and compacts a document
 * once it has `compactAfter` unfolded rows.
 */
export class UpdateLog {
  private readonly batcher: Batcher<PendingUpdate>
  private readonly unfolded = new Map<string, number>()
  private readonly compacting = new Map<string, Promise<void>>()

  constructor(private readonly options: UpdateLogOptions) {
    this.batcher = new Batcher({
      delayMs: options.flushMs,
      write: (items) => this.write(items),
      onError: (error, attempt) =>
        options.log(`could not save ${this.batcher.size} document update(s) (attempt ${attempt}), retrying: ${(error as Error).message}`),
    })
  }

  append(docId: string, update: Uint8Array): void {
    this.batcher.push({ docId, update, receivedAt: performance.now() })
  }

  /** Updates received but not yet in collab_updates (waiting for their batch, or being written). */
  get unsaved(): number {
    return this.batcher.unsaved
  }

  /** Called after a load so compaction knows how many rows the document already has. */
  loaded(docId: string, unfoldedRows: number): void {
    this.unfolded.set(docId, unfoldedRows)
    if (unfoldedRows >= this.options.compactAfter) void this.compact(docId)
  }

  hasPending(docId: string): boolean {
    return this.batcher.some((item) => item.docId === docId)
  }

  forget(docId: string): void {
    this.unfolded.delete(docId)
  }

  /** Writes everything pending and waits for compactions in progress (shutdown, unload). */
  async flush(): Promise<void> {
    await this.batcher.flush()
    await Promise.all(this.compacting.values())
  }

  stop(): void {
    this.batcher.stop()
  }

  private async write(items: PendingUpdate[]): Promise<void> {
    const byDoc = new Map<string, Uint8Array[]>()
    for (const item of items) {
      const list = byDoc.get(item.docId)
      if (list) list.push(item.update)
      else byDoc.set(item.docId, [item.update])
    }
    const docIds = [...byDoc.keys()]
    const merged = [...byDoc.values()].map((updates) => (updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)))
    // One statement with two array parameters, however many documents the batch holds: one round trip, and on the
    // embedded database one hand-over to its thread.
    const database = await getDatabase()
    await database.query('insert into collab_updates (doc_id, update) select * from unnest($1::text[], $2::bytea[])', [docIds, merged])
    const metrics = this.options.metrics ?? noCollabMetrics
    const savedAt = performance.now()
    for (const item of items) metrics.updateSaved((savedAt - item.receivedAt) / 1000)
    for (const docId of docIds) {
      const count = (this.unfolded.get(docId) ?? 0) + 1
      this.unfolded.set(docId, count)
      if (count >= this.options.compactAfter) void this.compact(docId)
    }
  }

  private compact(docId: string): Promise<void> {
    const running = this.compacting.get(docId)
    if (running) return running
    const compaction = compactDocument(docId)
      .then((folded) => {
        const count = this.unfolded.get(docId)
        if (count !== undefined) this.unfolded.set(docId, Math.max(0, count - folded))
      })
      .catch((error: unknown) => {
        this.options.log(`compaction of ${docId} failed (its update rows are kept): ${(error as Error).message}`)
      })
      .finally(() => this.compacting.delete(docId))
    this.compacting.set(docId, compaction)
    return compaction
  }
}
