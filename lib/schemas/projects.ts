import { z } from 'zod'
import { frameRateById, frameRateIds, resolutionIds, type FrameRate } from '@/lib/frame-rates'
import { idField, nameField } from './common'

export const defaultStartTimecode = '01:00:00:00'

const timecodePattern = /^(\d{2}):(\d{2}):(\d{2})([:;])(\d{2})$/

/**
 * Checks a project's start timecode against its frame rate and returns it in canonical form
 * (";" before the frames for drop-frame rates, ":" otherwise), or a sentence saying what is wrong.
 */
export function normalizeStartTimecode(value: string, rate: FrameRate): { ok: true; timecode: string } | { ok: false; message: string } {
  const match = timecodePattern.exec(value.trim())
  if (!match) return { ok: false, message: 'Use the form HH:MM:SS:FF (or HH:MM:SS;FF for drop-frame), e.g. 01:00:00:00.' }
  const [, hh, mm, ss, separator, ff] = match as unknown as [string, string, string, string, string, string]
  const nominalFps = Math.round(rate.numerator / rate.denominator)
  if (Number(hh) > 23) return { ok: false, message: 'Hours go from 00 to 23.' }
  if (Number(mm) > 59) return { ok: false, message: 'Minutes go from 00 to 59.' }
  if (Number(ss) > 59) return { ok: false, message: 'Seconds go from 00 to 59.' }
  if (Number(ff) >= nominalFps) return { ok: false, message: `Frames go from 00 to ${nominalFps - 1} at ${rate.label}.` }
  if (!rate.dropFrame && separator === ';') {
    return { ok: false, message: `";" marks drop-frame timecode, but ${rate.label} is non-drop. Use ":" before the frames.` }
  }
  if (rate.dropFrame) {
    // Drop-frame skips the first 2 (29.97) or 4 (59.94) frame numbers of every minute except each tenth minute.
    const dropped = Math.round(nominalFps / 15)
    if (Number(ss) === 0 && Number(mm) % 10 !== 0 && Number(ff) < dropped) {
      return { ok: false, message: `${hh}:${mm}:${ss};${ff} does not exist in drop-frame timecode (frames 00–${String(dropped - 1).padStart(2, '0')} are skipped at this minute).` }
    }
  }
  return { ok: true, timecode: `${hh}:${mm}:${ss}${rate.dropFrame ? ';' : ':'}${ff}` }
}

export const createProjectInput = z
  .strictObject({
    workspaceId: idField('Workspace'),
    name: nameField('Project name'),
    frameRate: z.enum(frameRateIds, { error: 'Choose a frame rate from the list.' }),
    resolution: z.enum(resolutionIds, { error: 'Choose a resolution from the list.' }),
    startTimecode: z.string().max(20, 'Use the form HH:MM:SS:FF.').optional(),
  })
  .superRefine((input, ctx) => {
    if (input.startTimecode === undefined) return
    const result = normalizeStartTimecode(input.startTimecode, frameRateById(input.frameRate))
    if (!result.ok) ctx.addIssue({ code: 'custom', path: ['startTimecode'], message: result.message })
  })
export type CreateProjectInput = z.infer<typeof createProjectInput>

export const renameProjectInput = z.strictObject({
  projectId: idField('Project'),
  name: nameField('Project name'),
})
export type RenameProjectInput = z.infer<typeof renameProjectInput>

export const archiveProjectInput = z.strictObject({
  projectId: idField('Project'),
  archived: z.boolean({ error: 'Say whether the project should be archived (true or false).' }),
})
export type ArchiveProjectInput = z.infer<typeof archiveProjectInput>
