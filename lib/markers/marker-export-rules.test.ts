import { describe, expect, it } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { isAppError } from '@/lib/errors'
import { defuseFormula, quoteCsvField, toCsv } from './csv'
import { avidColor, markerColors, resolveColorToken } from './marker-colors'
import { prepareMarkerExport, type MarkerExportInput } from './marker-export-input'
import { markerExportFormats } from './marker-export-formats'
import { cleanText, oneLine } from './marker-text'
import { markersToAvidText } from './markers-to-avid-text'
import { markersToResolveEdl } from './markers-to-resolve-edl'
import { parseCsv } from './testing/parse-csv'
import { parseXml } from './testing/parse-xml'
import { escapeXmlAttribute, escapeXmlText } from './xml'

const base: MarkerExportInput = {
  rate: frameRateById('25'),
  startTimecode: '01:00:00:00',
  clipName: 'Cut 4',
  durationFrames: 250,
  markers: [],
}

function userMessageOf(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (isAppError(error)) return error.userMessage
    throw error
  }
  throw new Error('expected a user-facing error')
}

describe('prepareMarkerExport', () => {
  it('orders notes by frame, keeping input order on a shared frame, and fills defaults', () => {
    const { markers } = prepareMarkerExport({
      ...base,
      markers: [
        { frameIn: 10, note: 'b', author: 'B' },
        { frameIn: 2, note: 'a', author: 'A', kind: 'guest' },
        { frameIn: 10, frameOut: 20, note: 'c', author: 'C', resolved: true },
      ],
    })
    expect(markers.map((marker) => [marker.number, marker.note, marker.color, marker.durationFrames, marker.timecodeOut])).toEqual([
      [1, 'a', 'yellow', 1, '01:00:00:03'],
      [2, 'b', 'blue', 1, '01:00:00:11'],
      [3, 'c', 'green', 10, '01:00:00:20'],
    ])
    expect(markers[0]).toMatchObject({ name: 'A', named: false, kind: 'guest', resolved: false })
  })

  it('says what is wrong with a request', () => {
    expect(userMessageOf(() => prepareMarkerExport({ ...base, startTimecode: '01:00:00:25' }))).toBe(
      'Frames in "01:00:00:25" must be 00–24 at 25 fps.',
    )
    expect(userMessageOf(() => prepareMarkerExport({ ...base, markers: [{ frameIn: 250, note: '', author: 'A' }] }))).toBe(
      "Marker 1 starts at frame 250, after the clip's last frame (249).",
    )
    expect(userMessageOf(() => prepareMarkerExport({ ...base, markers: [{ frameIn: 5, frameOut: 4, note: '', author: 'A' }] }))).toBe(
      'Marker 1 ends at frame 4, outside 5–250.',
    )
    expect(userMessageOf(() => prepareMarkerExport({ ...base, startTimecode: '01:01:00;00', rate: frameRateById('29.97DF') }))).toContain(
      'does not exist',
    )
    expect(userMessageOf(() => prepareMarkerExport({ ...base, durationFrames: 0 }))).toContain('0')
  })
})

describe('text hygiene', () => {
  it('keeps emoji and scripts, composes accents, drops what no format can hold', () => {
    expect(cleanText('🎬 日本語 Ελληνικά')).toBe('🎬 日本語 Ελληνικά')
    expect(cleanText('cafe\u0301')).toBe('café')
    expect(cleanText('a\r\nb\rc\u0000d\u001Be\u007F\uFFFEf')).toBe('a\nb\ncdef')
    expect(cleanText('cut \uD83D off')).toBe('cut \uFFFD off')
    expect(cleanText('\uDE00 alone')).toBe('\uFFFD alone')
  })

  it('folds line breaks and tabs into single spaces for line formats', () => {
    expect(oneLine('  two\n\nlines\tand tab  ')).toBe('two lines and tab')
  })

  it('escapes XML text and attributes so they parse back to the same string', () => {
    const tricky = 'a < b && c > d "quoted" \'single\'\nnew line\ttab ]]>'
    expect(escapeXmlText(']]>')).toBe(']]&gt;')
    const root = parseXml(`<?xml version="1.0" encoding="UTF-8"?>\n<r a="${escapeXmlAttribute(tricky)}">${escapeXmlText(tricky)}</r>\n`)
    expect(root.attributes.a).toBe(tricky)
    expect(root.text).toBe(tricky)
  })
})

describe('CSV writer', () => {
  it('quotes only what RFC 4180 requires and doubles quotes', () => {
    expect(quoteCsvField('plain')).toBe('plain')
    expect(quoteCsvField('a,b')).toBe('"a,b"')
    expect(quoteCsvField('say "hi"')).toBe('"say ""hi"""')
    expect(quoteCsvField('two\nlines')).toBe('"two\nlines"')
  })

  it('defuses cells a spreadsheet would run as formulas', () => {
    for (const cell of ['=1+1', '+1', '-1', '@SUM(A1)', '\tx', '\rx']) expect(defuseFormula(cell)).toBe(`'${cell}`)
    for (const cell of ['1-1', 'a=b', "'quoted", '']) expect(defuseFormula(cell)).toBe(cell)
  })

  it('writes a BOM and CRLF records that read back cell for cell', () => {
    const rows = [['h1', 'h2'], ['a,"b"', 'line\nbreak'], ['=cmd', 3]]
    const csv = toCsv(rows)
    expect(csv).toBe('\uFEFFh1,h2\r\n"a,""b""","line\nbreak"\r\n\'=cmd,3\r\n')
    expect(parseCsv(csv.slice(1))).toEqual([['h1', 'h2'], ['a,"b"', 'line\nbreak'], ["'=cmd", '3']])
  })
})

describe('Resolve EDL rules', () => {
  const edl = markersToResolveEdl({
    ...base,
    clipName: 'Title\nwith | pipe',
    markers: [
      { frameIn: 0, note: 'first | second\nline', author: 'A', color: 'mint' },
      { frameIn: 0, frameOut: 5, note: '', author: 'B' },
      { frameIn: 3, note: '12 frames early', author: 'C', name: 'Sync' },
    ],
  })

  it('merges notes on one frame, keeps one line per note, and never lets "|" into a field', () => {
    expect(edl).toBe(
      'TITLE: Title with / pipe\nFCM: NON-DROP FRAME\n\n' +
        '001  001      V     C        01:00:00:00 01:00:00:01 01:00:00:00 01:00:00:01\n' +
        'A: first / second line |C:ResolveColorMint |M:A, B |D:5\n\n' +
        '002  001      V     C        01:00:00:03 01:00:00:04 01:00:00:03 01:00:00:04\n' +
        '- 12 frames early |C:ResolveColorBlue |M:Sync |D:1\n',
    )
  })

  it('names every colour the way Resolve does', () => {
    expect(markerColors.map(resolveColorToken)).toEqual([
      'ResolveColorBlue', 'ResolveColorCyan', 'ResolveColorGreen', 'ResolveColorYellow', 'ResolveColorRed',
      'ResolveColorPink', 'ResolveColorPurple', 'ResolveColorFuchsia', 'ResolveColorRose', 'ResolveColorLavender',
      'ResolveColorSky', 'ResolveColorMint', 'ResolveColorLemon', 'ResolveColorSand', 'ResolveColorCocoa',
      'ResolveColorCream',
    ])
  })
})

describe('Avid marker text rules', () => {
  it('folds tabs and line breaks so every marker stays one six-field line, and keeps a given name', () => {
    const text = markersToAvidText({
      ...base,
      markers: [{ frameIn: 1, note: 'a\tb\nc', author: 'Tab\tby', name: 'Note', color: 'pink' }],
    })
    expect(text).toBe('Tab by\t01:00:00:01\tV1\tmagenta\tNote: a b c\t1\n')
    expect(markerColors.every((color) => avidColor(color) !== undefined)).toBe(true)
  })
})

describe('export formats', () => {
  it('lists each export once with a file extension', () => {
    expect(markerExportFormats.map((format) => `${format.id}.${format.extension}`)).toEqual([
      'csv.csv',
      'resolve-edl.edl',
      'premiere-xml.xml',
      'fcpxml.fcpxml',
      'avid-markers.txt',
    ])
  })

  it('writes an empty but valid file when there are no notes', () => {
    for (const format of markerExportFormats) expect(() => format.render(base)).not.toThrow()
    expect(markerExportFormats.find((format) => format.id === 'avid-markers')?.render(base)).toBe('')
  })
})

describe('the test XML reader itself', () => {
  const declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
  it.each([
    ['<a><b></a></b>', 'closes'],
    ['<a><b></b>', 'never closed'],
    ['<a x=1></a>', 'Malformed'],
    ['<a x="1" x="2"></a>', 'repeats'],
    ['<a>1 < 2</a>', 'Malformed'],
    ['<a>fish & chips</a>', 'Stray'],
    ['<a></a><b></b>', 'second root'],
  ])('rejects %s', (body, message) => {
    expect(() => parseXml(`${declaration}${body}`)).toThrow(message)
  })
})
