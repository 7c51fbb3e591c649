// The shot list's way out and back in at the service level: the export routes as Next.js calls them, the import
// service on the live board (a real collab server in process), all-or-nothing on errors, roles enforced.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { GET as shotListCsvRoute } from '@/app/api/projects/[projectId]/exports/shot-list.csv/route'
import { GET as storyboardPdfRoute } from '@/app/api/projects/[projectId]/exports/storyboard.pdf/route'
import type { Board } from '@/lib/board'
import { runAsActor } from '@/server/auth/actor-context'
import type { Actor } from '@/server/auth/require-role'
import { setCollabServer } from '@/server/collab/global-handle'
import type { TestUser } from '@/server/collab/testing/fixtures'
import { createHarness, type Harness } from '@/server/collab/testing/harness'
import { changeBoard } from './change-board'
import { importShotList } from './import-shot-list'
import { readBoard } from './read-board'

let h: Harness
const actor = (user: TestUser): Actor => ({ userId: user.id, name: user.name, email: user.email })
const origin = 'http://storyreel.test'

function callExport(route: typeof shotListCsvRoute, user: TestUser | null, kind: string, query = '') {
  const { projectId } = h.project
  const request = new Request(`${origin}/api/projects/${projectId}/exports/${kind}${query}`)
  return runAsActor(user && actor(user), () => route(request, { params: Promise.resolve({ projectId }) }))
}

beforeAll(async () => {
  h = await createHarness({ config: { flushMs: 20, unloadGraceMs: 200 } })
  setCollabServer(h.server.collab)
  // One operation per change: the board's indexes see a new scene only once the change that made it has ended.
  const change = <T>(write: (board: Board) => T) => changeBoard({ actor: actor(h.owner), projectId: h.project.projectId, change: write }).then((r) => r.result)
  const scene = await change((board) => board.insertScene({}, { heading: 'INT. LAB – NIGHT' }))
  const shot = await change((board) => board.insertShot({ sceneId: scene }, { size: 'CU', description: 'Vials, "labelled", in rows', cast: ['Dr. Ng'] }))
  await change((board) => board.insertPanel({ shotId: shot }, { durationFrames: 50, dialogue: 'Encore une fois.' }))
}, 60_000)

afterAll(async () => {
  setCollabServer(null)
  await h?.close()
})

describe('shot list export and import', { timeout: 30_000 }, () => {
  it('exports the CSV as an attachment for a viewer, and refuses strangers and bad queries', async () => {
    const response = await callExport(shotListCsvRoute, h.viewer, 'shot-list.csv')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="[a-z0-9-]+-shot-list-\d{4}-\d{2}-\d{2}\.csv"$/)
    expect(response.headers.get('x-content-type-options')).toBe('nosniff')
    expect(await response.text()).toContain('Vials, ""labelled"", in rows')
    expect((await callExport(shotListCsvRoute, h.stranger, 'shot-list.csv')).status).toBe(404)
    expect((await callExport(shotListCsvRoute, null, 'shot-list.csv')).status).toBe(401)
    expect((await callExport(storyboardPdfRoute, h.viewer, 'storyboard.pdf', '?layout=5x5')).status).toBe(400)
  })

  it('exports the storyboard PDF with the chosen layout', async () => {
    const response = await callExport(storyboardPdfRoute, h.viewer, 'storyboard.pdf', '?layout=2x2&orientation=portrait&notes=1')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await response.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
  })

  it('imports the exported CSV back as new scenes in one change, for editors only', async () => {
    const { projectId } = h.project
    const csv = await (await callExport(shotListCsvRoute, h.viewer, 'shot-list.csv')).text()
    await expect(importShotList({ actor: actor(h.viewer), projectId, csv })).rejects.toMatchObject({ code: 'FORBIDDEN' })

    const outcome = await importShotList({ actor: actor(h.editor), projectId, csv })
    expect(outcome).toEqual({ ok: true, scenes: 1, shots: 1, panels: 1, warnings: [] })
    const { board } = await readBoard({ actor: actor(h.viewer), projectId })
    const [original, imported] = board.outline().scenes
    expect(imported!.scene.heading).toBe(original!.scene.heading)
    expect(imported!.shots[0]!.shot).toMatchObject({ size: 'CU', description: 'Vials, "labelled", in rows', cast: ['Dr. Ng'] })
    expect(imported!.shots[0]!.number).toBe('2A')
    expect(imported!.durationFrames).toBe(50)
  })

  it('changes nothing when a row is wrong, and says where', async () => {
    const { projectId } = h.project
    const before = (await readBoard({ actor: actor(h.viewer), projectId })).board.listShots().length
    const outcome = await importShotList({ actor: actor(h.editor), projectId, csv: 'Scene,Shot,Status\n1,1A,ready\n1,1B,wrapped\n' })
    expect(outcome).toMatchObject({ ok: false, errors: [{ row: 3, column: 'Status', message: expect.stringContaining('"wrapped"') }] })
    expect((await readBoard({ actor: actor(h.viewer), projectId })).board.listShots()).toHaveLength(before)
  })
})
