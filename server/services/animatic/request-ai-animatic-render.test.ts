import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { requestAnimaticRenderAction } from '@/server/actions/animatic/request-animatic-render'
import { runAsActor } from '@/server/auth/actor-context'
import { cancelJob } from '@/server/jobs/queue'
import { bossSchema } from '@/server/jobs/queue-runtime'
import { pgBossDatabase } from '@/server/jobs/pg-boss-database'
import { openTestQueue } from '@/server/jobs/testing/test-queue'
import { changeBoard } from '@/server/services/boards/change-board'
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

/** A board of `pictured` panels with a picture, plus one without and one off screen (neither costs a clip). */
async function boardWith(projectId: string, pictured: number, owner = team.owner) {
  await changeBoard({
    actor: owner,
    projectId,
    change: (board) => {
      const shotId = board.insertShot({ sceneId: board.insertScene() })
      for (let i = 0; i < pictured; i++) board.insertPanel({ shotId }, { durationFrames: 12, imageAssetId: `picture-${i}` })
      board.insertPanel({ shotId }, { durationFrames: 12 })
      board.insertPanel({ shotId }, { durationFrames: 0, imageAssetId: 'hidden' })
    },
  })
}

const queuedFor = async (projectId: string) => {
  const { rows } = await pgBossDatabase(env.handle).executeSql(`SELECT count(*)::int AS n FROM ${bossSchema}.job WHERE data->>'projectId' = $1`, [projectId])
  return (rows[0] as { n: number }).n
}

describe('the daily video budget for AI motion', () => {
  it('takes one clip per pictured panel, refuses a render it cannot cover before queueing, and leaves stills alone', async () => {
    const saved = process.env.AI_DAILY_VIDEO_BUDGET
    process.env.AI_DAILY_VIDEO_BUDGET = '5'
    const metered = await seedTeam('Video budget')
    const project = async (name: string, pictured: number) => {
      const { projectId } = await createProject({ actor: metered.owner, workspaceId: metered.workspaceId, name, frameRate: '24', resolution: '1280x720' })
      await boardWith(projectId, pictured, metered.owner)
      return projectId
    }
    try {
      const first = await project('Three clips', 3)
      const ok = await runAsActor(metered.editor, () => requestAnimaticRenderAction({ projectId: first, ...base, mode: 'ai' }))
      if (!ok.ok) throw new Error(ok.error.message)
      // Asking again while it waits is the same render, and costs nothing more.
      const again = await runAsActor(metered.owner, () => requestAnimaticRenderAction({ projectId: first, ...base, mode: 'ai' }))
      expect(again).toMatchObject({ ok: true, data: { jobId: ok.data.jobId } })
      await cancelJob(ok.data.jobId)

      const second = await project('Three more', 3)
      const refused = await runAsActor(metered.editor, () => requestAnimaticRenderAction({ projectId: second, ...base, mode: 'ai' }))
      expect(refused).toMatchObject({
        ok: false,
        error: { code: 'RATE_LIMITED', message: expect.stringMatching(/^AI motion needs 3 generated clips \(one per panel with a picture\), and this workspace has 2 of its 5 left today\. Render with stills/) },
      })
      expect(await queuedFor(second)).toBe(0)
      // Stills cost nothing, and the two clips left still cover a two-picture board.
      const stills = await runAsActor(metered.editor, () => requestAnimaticRenderAction({ projectId: second, ...base }))
      expect(stills.ok).toBe(true)
      if (stills.ok) await cancelJob(stills.data.jobId)
      const small = await project('Two clips', 2)
      const fits = await runAsActor(metered.editor, () => requestAnimaticRenderAction({ projectId: small, ...base, mode: 'ai' }))
      expect(fits.ok).toBe(true)
      if (fits.ok) await cancelJob(fits.data.jobId)
    } finally {
      if (saved === undefined) delete process.env.AI_DAILY_VIDEO_BUDGET
      else process.env.AI_DAILY_VIDEO_BUDGET = saved
    }
  })

  it('says AI motion is off when the budget is 0', async () => {
    const saved = process.env.AI_DAILY_VIDEO_BUDGET
    process.env.AI_DAILY_VIDEO_BUDGET = '0'
    try {
      const projectId = await newProject('Switched off')
      await boardWith(projectId, 1)
      const result = await runAsActor(team.editor, () => requestAnimaticRenderAction({ projectId, ...base, mode: 'ai' }))
      expect(result).toMatchObject({ ok: false, error: { code: 'RATE_LIMITED', message: 'AI motion is turned off on this server (AI_DAILY_VIDEO_BUDGET is 0). Render with stills instead.' } })
      expect(await queuedFor(projectId)).toBe(0)
    } finally {
      if (saved === undefined) delete process.env.AI_DAILY_VIDEO_BUDGET
      else process.env.AI_DAILY_VIDEO_BUDGET = saved
    }
  })
})
