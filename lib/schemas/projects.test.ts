import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { archiveProjectInput, createProjectInput, normalizeStartTimecode } from './projects'

const base = { workspaceId: 'w1', name: 'Pilot', frameRate: '24', resolution: '1920x1080' } as const

describe('normalizeStartTimecode', () => {
  it('accepts valid non-drop timecode as written', () => {
    expect(normalizeStartTimecode('01:00:00:00', frameRateById('24'))).toEqual({ ok: true, timecode: '01:00:00:00' })
    expect(normalizeStartTimecode('23:59:59:23', frameRateById('23.976'))).toEqual({ ok: true, timecode: '23:59:59:23' })
  })

  it('writes drop-frame timecode with ";" whichever separator was typed', () => {
    expect(normalizeStartTimecode('00:59:59:29', frameRateById('29.97DF'))).toEqual({ ok: true, timecode: '00:59:59;29' })
    expect(normalizeStartTimecode('00:10:00;00', frameRateById('29.97DF'))).toEqual({ ok: true, timecode: '00:10:00;00' })
  })

  it.each([
    ['1:00:00:00', '24', /HH:MM:SS:FF/],
    ['24:00:00:00', '24', /Hours/],
    ['01:60:00:00', '24', /Minutes/],
    ['01:00:60:00', '24', /Seconds/],
    ['01:00:00:24', '24', /00 to 23/],
    ['01:00:00:30', '29.97DF', /00 to 29/],
    ['01:00:00;00', '25', /non-drop/],
    ['01:01:00;01', '29.97DF', /does not exist/],
    ['01:01:00;03', '59.94DF', /does not exist/],
  ])('refuses %s at %s fps', (value, rate, message) => {
    const result = normalizeStartTimecode(value, frameRateById(rate as Parameters<typeof frameRateById>[0]))
    expect(result.ok).toBe(false)
    expect(!result.ok && result.message).toMatch(message)
  })
})

describe('project inputs', () => {
  it('rejects unknown keys such as role: "owner"', () => {
    const result = createProjectInput.safeParse({ ...base, role: 'owner' })
    expect(result.success).toBe(false)
    expect(result.error?.issues[0]?.code).toBe('unrecognized_keys')
    expect(archiveProjectInput.safeParse({ projectId: 'p', archived: true, archivedAt: null }).success).toBe(false)
  })

  it('rejects rates and resolutions outside the lists, and blank or over-long names', () => {
    expect(createProjectInput.safeParse({ ...base, frameRate: '23.98' }).success).toBe(false)
    expect(createProjectInput.safeParse({ ...base, resolution: '640x480' }).success).toBe(false)
    expect(createProjectInput.safeParse({ ...base, name: '   ' }).error?.issues[0]?.message).toBe('Project name cannot be empty.')
    expect(createProjectInput.safeParse({ ...base, name: 'x'.repeat(121) }).success).toBe(false)
    expect(createProjectInput.parse({ ...base, name: '  Pilot  ' }).name).toBe('Pilot')
  })

  it('checks the start timecode against the chosen frame rate', () => {
    expect(createProjectInput.safeParse({ ...base, startTimecode: '01:00:00:23' }).success).toBe(true)
    expect(createProjectInput.safeParse({ ...base, frameRate: '25', startTimecode: '01:00:00:24' }).success).toBe(true)
    const over = createProjectInput.safeParse({ ...base, startTimecode: '01:00:00:24' })
    expect(over.error?.issues[0]).toMatchObject({ path: ['startTimecode'], message: expect.stringMatching(/00 to 23/) })
  })
})
