// What the cluster tests share: the cluster's database opened from the test process (to seed users and read back what
// the instances stored), a signed-in user's cookie made with the cluster's secret, and the stored document decoded.
import { eq } from 'drizzle-orm'
import * as Y from 'yjs'
import { openDatabase, type DatabaseHandle } from '@/db/client'
import { collabSnapshots, collabUpdates } from '@/db/schema'
import { createProject, createUser, type TestProject, type TestUser } from '@/server/collab/testing/fixtures'

export async function openClusterDatabase(url: string): Promise<DatabaseHandle> {
  return openDatabase({ url })
}

/** A user with a session cookie the cluster accepts, owning a workspace with one project. */
export async function seedOwner(handle: DatabaseHandle, secret: string, name = 'Cluster Owner'): Promise<{ user: TestUser; project: TestProject }> {
  const user = await createUser(handle.db, name, secret)
  const project = await createProject(handle.db, user)
  return { user, project }
}

/**
 * The document as the database holds it (snapshot plus every update row), decoded into a fresh Y.Doc: the proof that
 * an edit was persisted, independent of any running instance's memory.
 */
export async function readStoredDocument(handle: DatabaseHandle, docId: string): Promise<Y.Doc> {
  const doc = new Y.Doc()
  // One snapshot of the database for both reads, so an instance compacting in between cannot hide rows.
  const { snapshot, rows } = await handle.db.transaction(
    async (tx) => {
      const [snapshot] = await tx.select({ state: collabSnapshots.state }).from(collabSnapshots).where(eq(collabSnapshots.docId, docId))
      const rows = await tx.select({ update: collabUpdates.update }).from(collabUpdates).where(eq(collabUpdates.docId, docId)).orderBy(collabUpdates.seq)
      return { snapshot, rows }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state)
    for (const row of rows) Y.applyUpdate(doc, row.update)
  })
  return doc
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
