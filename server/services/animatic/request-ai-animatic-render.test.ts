import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestAnimaticRenderAction } from '@/server/actions/animatic/request-animatic-render'
import { runAsActor } from '@/server/auth/actor-context'
import { cancelJob } from '@/server/jobs/queue'
import { bossSchema } from '@/server/jobs/queue-runtime'
import { pgBossDatabase } from '@/server/jobs/pg-boss-database'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { createProject } from '@/server/services/projects/create-project'
import { seedTeam } from '@/server/services/testing/fixtures'

// The "Motion" choice of the render form reaches the render job: AI motion is asked for explicitly, stills stay the
// default (the job's input has no mode at all, as before), and a mode the app does not know is refused with nothing
// queued. No worker runs here: what is checked is the queued job's input.

let env: Awaited<ReturnType<typeof openTestQueue>>
let team: Awaited<ReturnType<typeof seedTeam>>
beforeAll(async () => {
  env = await openTestQueue()
  team = await seedTeam('AI animatic request')
})
afterAll(() => env.close())

const base = { resolution: '720p', captions: false, overlays: false, audioAssetId: null } as const
const newProject = async (name: string) =>
  (await createProject({ actor: team.owner, workspaceId: team.workspaceId, name, frameRate: '24', resolution: '1280x720' })).projectId

async function queuedOptions(jobId: string): Promise<Record<string, unknown>> {
  const { rows } = await pgBossDatabase(env.handle).executeSql(`SELECT data FROM ${bossSchema}.job WHERE id = $1`, [jobId])
  return (rows[0] as { data: { options: Record<string, unknown> } }).data.options
}

describe('requesting an animatic render with a motion mode', () => {
  it('queues AI motion when asked, and stills (no mode) by default or for "stills"', async () => {
    for (const [mode, expected] of [['ai', 'ai'], ['stills', undefined], [undefined, undefined]] as const) {
      const projectId = await newProject(`Motion ${mode ?? 'default'}`)
      const result = await runAsActor(team.editor, () => requestAnimaticRenderAction({ projectId, ...base, ...(mode ? { mode } : {}) }))
      if (!result.ok) throw new Error(result.error.message)
      expect((await queuedOptions(result.data.jobId)).mode).toBe(expected)
      await cancelJob(result.data.jobId)
    }
  })

  it('refuses a motion mode it does not know, with a clear error and nothing queued', async () => {
    const projectId = await newProject('Motion bad')
    const result = await runAsActor(team.editor, () => requestAnimaticRenderAction({ projectId, ...base, mode: 'sparkles' } as never))
    expect(result.ok).toBe(false)
    if (!result.ok) expect(result.error.code).toBe('BAD_REQUEST')
    const { rows } = await pgBossDatabase(env.handle).executeSql(`SELECT count(*)::int AS n FROM ${bossSchema}.job WHERE data->>'projectId' = $1`, [projectId])
    expect((rows[0] as { n: number }).n).toBe(0)
  })
})
