import { describe, expect, it } from 'vitest'
import { applyShotListImport } from './apply-shot-list-import'
import { shotListCsv } from './shot-list-csv'
import { MAX_IMPORT_ROWS, parseShotListCsv } from './shot-list-csv-import'
import { emptyBoard, rate24, sampleBoard } from './test-board'

function importInto(csv: string) {
  const target = emptyBoard()
  const result = parseShotListCsv(csv, rate24)
  if (!result.ok) throw new Error(JSON.stringify(result.errors))
  applyShotListImport(target.board, result.plan)
  return { ...target, plan: result.plan }
}

describe('shot list CSV export', () => {
  it('writes one row per shot with a header, quoting and the formula guard', () => {
    const csv = shotListCsv(sampleBoard().outline(), rate24)
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n')
    expect(lines[0]).toBe('Scene,Scene heading,Shot,Size,Angle,Movement,Lens,Equipment,Location,Cast,Description,Setup (min),Status,Duration')
    expect(lines[1]).toBe('1,INT. KITCHEN – NIGHT,1A,WS,eye-level,dolly,35mm,"Dolly, 8ft track",Stage 3,"Zoë; Smith, Jr.","Zoë enters, says ""hello"",\nthen freezes.",45,ready,3s 18f')
    expect(csv).toContain(`1,INT. KITCHEN – NIGHT,PU1,INSERT,,,,,,,"'=HYPERLINK(""x"")",,shot,0s 12f`)
    expect(csv).toContain('2,EXT. STREET - DAY,2A,CU,,,85mm,,,,,,planned,1m 05s 05f')
  })
})

describe('shot list CSV import', () => {
  it('round-trips the export exactly: commas, quotes, line breaks, Unicode, formulas, custom numbers', () => {
    const csv = shotListCsv(sampleBoard().outline(), rate24)
    const { board } = importInto(csv)
    expect(shotListCsv(board.outline(), rate24)).toBe(csv)
    const [kitchen] = board.outline().scenes
    expect(kitchen!.shots.map((s) => s.shot.number)).toEqual([{ kind: 'auto' }, { kind: 'custom', label: 'PU1' }, { kind: 'auto' }])
    expect(kitchen!.shots[0]!.shot.cast).toEqual(['Zoë', 'Smith, Jr.'])
    expect(kitchen!.shots[2]!.panels).toHaveLength(0)
  })

  it('applies in one transaction, appended after the existing scenes, renumbering automatic shots', () => {
    const { board, doc } = emptyBoard()
    board.insertScene({}, { heading: 'EXISTING' })
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const result = parseShotListCsv('Scene #,Shot,Size\r\n7,7A,wide\r\n7,,close up\r\n7,X1,CU\r\n', rate24)
    if (!result.ok) throw new Error('expected a plan')
    applyShotListImport(board, result.plan)
    expect(transactions).toBe(1)
    const scenes = board.outline().scenes
    expect(scenes).toHaveLength(2)
    expect(scenes[1]!.shots.map((s) => [s.number, s.shot.size])).toEqual([['2A', 'WS'], ['2B', 'CU'], ['X1', 'CU']])
  })

  it('maps headers by name, ignoring case, spaces and common aliases, and warns about unknown columns', () => {
    const csv = 'SCENE,shot #,Focal Length,INT/EXT,Slugline,Est. Duration,Director mood\nA,1A,50mm,ext,Beach - Day,00:00:02:12,happy\n'
    const result = parseShotListCsv(csv, rate24)
    if (!result.ok) throw new Error(JSON.stringify(result.errors))
    expect(result.plan.columns.map((c) => c.column)).toEqual(['scene', 'shot', 'lens', 'intExt', 'sceneHeading', 'duration', null])
    expect(result.plan.warnings).toEqual(['Column "Director mood" is not a shot list column and was ignored.'])
    expect(result.plan.scenes[0]!.fields.heading).toBe('EXT. Beach - Day')
    expect(result.plan.scenes[0]!.shots[0]!.durationFrames).toBe(60)
  })

  it('names each missing required column', () => {
    const result = parseShotListCsv('Description,Lens\nx,35mm\n', rate24)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { row: 1, column: 'Scene', message: 'The "Scene" column is missing.' },
      { row: 1, column: 'Shot', message: 'The "Shot" column is missing.' },
    ])
  })

  it('reports every bad cell with its spreadsheet row and header, and applies nothing', () => {
    const csv = [
      'Scene,Shot,Status,Duration,Setup,Heading',
      '1,1A,ready,2s 00f,10',
      '1,1B,maybe,2s 30f,ten',
      '"1","1C","shot","""quoted""\nnonsense",5',
      ',1D,,,',
      `2,2A,,,,${'x'.repeat(201)}`,
    ].join('\r\n')
    const { board, doc } = emptyBoard()
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    const result = parseShotListCsv(csv, rate24)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([
      { row: 3, column: 'Setup', message: 'must be a whole number of minutes (got "ten")' },
      { row: 3, column: 'Status', message: expect.stringContaining('"maybe"') },
      { row: 3, column: 'Duration', message: 'frames must be below 24 at this frame rate' },
      { row: 4, column: 'Duration', message: expect.stringContaining('is not a duration') },
      { row: 5, column: 'Scene', message: 'Every shot needs a scene.' },
      { row: 6, column: 'Heading', message: 'must be at most 200 characters' },
    ])
    expect(result.errors[1]!.message).toContain('planned')
    expect(transactions).toBe(0)
    expect(board.outline().scenes).toHaveLength(0)
  })

  it('reports an unterminated quote at its row', () => {
    const result = parseShotListCsv('Scene,Shot,Description\r\n1,1A,fine\r\n1,1B,"never closed\r\n', rate24)
    expect(result).toMatchObject({ ok: false, errors: [{ row: 3, column: null, message: 'Quoted field unterminated.' }] })
  })

  it('reports two columns that mean the same thing', () => {
    const result = parseShotListCsv('Scene,Shot,Lens,Focal length\r\n1,1A,35mm,50mm\r\n', rate24)
    expect(result).toMatchObject({ ok: false, errors: [{ row: 1, column: 'Focal length', message: 'Two columns mean "Lens"; keep one.' }] })
  })

  it('refuses more than the row limit at once, with the limit in the message, quickly', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => `${Math.floor(i / 50) + 1},,description ${i}`)
    const started = performance.now()
    const result = parseShotListCsv(['Scene,Shot,Description', ...rows].join('\n'), rate24)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.errors).toEqual([{ row: null, column: null, message: `Too many rows: 10000 (limit ${MAX_IMPORT_ROWS}). Split the shot list into several files.` }])
    expect(performance.now() - started).toBeLessThan(2000)
  })

  it('imports a shot list at the row limit within a couple of seconds', () => {
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `${Math.floor(i / 50) + 1},,WS,description ${i},3s`)
    const started = performance.now()
    const { board } = importInto(['Scene,Shot,Size,Description,Duration', ...rows].join('\n'))
    expect(board.listShots()).toHaveLength(MAX_IMPORT_ROWS)
    expect(board.totalDurationFrames()).toBe(MAX_IMPORT_ROWS * 72)
    expect(performance.now() - started).toBeLessThan(5000)
  })
})
