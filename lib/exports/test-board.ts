import * as Y from 'yjs'
import { createBoard, type Board } from '@/lib/board'

// A board filled the way a 1st AD would, for the export tests: awkward text on purpose (commas, quotes, line breaks,
// Unicode, a would-be spreadsheet formula), a custom shot number, a shot without panels.

export const rate24 = { numerator: 24, denominator: 1 }

export function emptyBoard(): { doc: Y.Doc; board: Board } {
  const doc = new Y.Doc()
  let next = 0
  return { doc, board: createBoard(doc, { frameRate: rate24, newId: () => `id-${++next}` }) }
}

export function sampleBoard(): Board {
  const { board } = emptyBoard()
  const kitchen = board.insertScene({}, { heading: 'INT. KITCHEN – NIGHT' })
  const a = board.insertShot({ sceneId: kitchen }, {
    size: 'WS', angle: 'eye-level', movement: 'dolly', lens: '35mm', equipment: 'Dolly, 8ft track',
    description: 'Zoë enters, says "hello",\nthen freezes.', cast: ['Zoë', 'Smith, Jr.'], location: 'Stage 3', setupMinutes: 45, status: 'ready',
  })
  board.insertPanel({ shotId: a }, { durationFrames: 60, dialogue: 'ZOË: ¿Dónde está? 你好 — “quoted”', action: 'She drops the keys.' })
  board.insertPanel({ shotId: a }, { durationFrames: 30, action: 'Keys hit the floor.' })
  const b = board.insertShot({ sceneId: kitchen }, { number: { kind: 'custom', label: 'PU1' }, size: 'INSERT', description: '=HYPERLINK("x")', status: 'shot' })
  board.insertPanel({ shotId: b }, { durationFrames: 12 })
  board.insertShot({ sceneId: kitchen }, { description: '- a beat', status: 'omitted' })
  const street = board.insertScene({}, { heading: 'EXT. STREET - DAY' })
  const c = board.insertShot({ sceneId: street }, { size: 'CU', lens: '85mm', status: 'planned' })
  board.insertPanel({ shotId: c }, { durationFrames: 24 * 65 + 5 })
  return board
}
