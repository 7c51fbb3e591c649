// Issue 7: a render's worker is SIGKILLed mid-render; the job finishes on the remaining worker and exactly one
// Animatic version appears. Relies on render-animatic-review's renewed lease (server/jobs/renewed-lease.ts): the dead
// worker stops renewing, the queue's maintenance (every second here) reclaims the job within about 30 s, and its one
// retry for a lost worker runs on the other worker.
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { setDatabase, type DatabaseHandle } from '@/db/client'
import { activity, reviewItems, reviewVersions } from '@/db/schema'
import { closeJobQueue, getJobStatus } from '@/server/jobs/queue'
import { waitUntil } from '@/server/collab/testing/clients'
import { requestAnimaticRender } from '@/server/services/animatic/request-animatic-render'
import { animaticRenderedActivity } from '@/server/services/animatic/add-render-to-review'
import { changeBoard } from '@/server/services/boards/change-board'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam } from '@/server/services/testing/fixtures'
import { startCluster, type Cluster } from './topology'
import { openClusterDatabase } from './testing/cluster-fixtures'

let cluster: Cluster
let database: DatabaseHandle

beforeAll(async () => {
  cluster = await startCluster({ workers: 1, env: { JOB_MAINTENANCE_INTERVAL_SECONDS: '1' } })
  database = await openClusterDatabase(cluster.databaseUrl)
  // The services below (seeding, the board, the render request) run in this process on the cluster's database.
  setDatabase(database)
})

afterAll(async () => {
  await closeJobQueue()
  await database?.close()
  await cluster?.stop()
})

it('finishes a render on the remaining worker after its worker is killed mid-render, with exactly one version', async () => {
  const team = await seedTeam('Cluster render')
  const { projectId } = await createProject({ actor: team.owner, workspaceId: team.workspaceId, name: 'Long board', frameRate: '24', resolution: '1280x720' })
  // 40 panels of 2 s: long enough to still be rendering after a second worker has started.
  await changeBoard({
    actor: team.owner,
    projectId,
    change: (board) => {
      const sceneId = board.insertScene({}, { heading: 'INT. LIGHTHOUSE - NIGHT' })
      const shotId = board.insertShot({ sceneId })
      for (let i = 0; i < 40; i++) board.insertPanel({ shotId }, { durationFrames: 48, dialogue: `Line ${i + 1}` })
    },
  })
  const { jobId } = await requestAnimaticRender({ actor: team.editor, projectId, resolution: '720p', captions: true, overlays: true, audioAssetId: null })

  // Rendering on worker 0, the only one so far.
  await waitUntil(async () => (await getJobStatus(jobId)).progress > 0.05, { timeoutMs: 120_000, intervalMs: 250, message: 'the render never started on worker 0' })
  await cluster.addWorker()
  const status = await getJobStatus(jobId)
  expect(status).toMatchObject({ state: 'running', attempts: 1 })
  expect(status.progress).toBeLessThan(0.9)
  await cluster.kill9Worker(0)

  await waitUntil(async () => (await getJobStatus(jobId)).state === 'completed', { timeoutMs: 240_000, intervalMs: 500, message: 'the render never completed on the remaining worker' })
  expect(await getJobStatus(jobId)).toMatchObject({ state: 'completed', attempts: 2 })

  const versions = await database.db
    .select({ id: reviewVersions.id, source: reviewVersions.source })
    .from(reviewVersions)
    .innerJoin(reviewItems, eq(reviewItems.id, reviewVersions.reviewItemId))
    .where(eq(reviewItems.projectId, projectId))
  expect(versions).toHaveLength(1)
  expect(versions[0]!.source).toBe('animatic')
  const rendered = await database.db.select({ id: activity.id }).from(activity).where(and(eq(activity.projectId, projectId), eq(activity.kind, animaticRenderedActivity)))
  expect(rendered).toHaveLength(1)
})
