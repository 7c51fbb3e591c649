// Board document layer vs the same operations written directly on the Yjs maps.
// Run: npx tsx bench/board/doc-ops.ts   (see README.md next to this file for the numbers and how to read them)
import { generateKeyBetween } from 'fractional-indexing'
import * as Y from 'yjs'
import { createBoard, type Board } from '../../lib/board'
import { lettersFor } from '../../lib/board/numbering'
import { newId } from '../../lib/board/new-id'

const SCENES = 40
const SHOTS_PER_SCENE = 3
const PANELS = 500
// BENCH_OPS: operations per timed run; at 1000 a field-update run lasts ~7 ms and one young-generation GC moves it by 20 %.
const OPS = Number(process.env.BENCH_OPS ?? 1000)
// BENCH_REPS: more alternating runs for a steadier median when the machine is busy.
const REPETITIONS = Number(process.env.BENCH_REPS ?? 11)

// ── The baseline: same layout and keys, no validation, no caches, no index ─────────────────────────────────────────
// Without an index, finding a parent's children means scanning the map; that is what raw maps offer a component.

type Fields = Record<string, unknown>
type EntityMap = Y.Map<Y.Map<unknown>>
type Keyed = Fields & { id: string; order: string }

const maps = (doc: Y.Doc) => ({
  scenes: doc.getMap('scenes') as EntityMap,
  shots: doc.getMap('shots') as EntityMap,
  panels: doc.getMap('panels') as EntityMap,
})
const byOrder = (a: Keyed, b: Keyed) => (a.order !== b.order ? (a.order < b.order ? -1 : 1) : a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

function rawChildren(map: EntityMap, parentField: string, parentId: string): Keyed[] {
  const children: Keyed[] = []
  map.forEach((entity, id) => {
    if (entity.get(parentField) === parentId) children.push({ id, order: entity.get('order') as string })
  })
  return children.sort(byOrder)
}

function rawInsert(doc: Y.Doc, map: EntityMap, fields: Fields, before: string | null, after: string | null): string {
  const id = newId()
  doc.transact(() => map.set(id, new Y.Map<unknown>(Object.entries({ ...fields, order: generateKeyBetween(before, after) }))))
  return id
}

function rawMovePanel(doc: Y.Doc, panelId: string, shotId: string, index: number) {
  const { panels } = maps(doc)
  const siblings = rawChildren(panels, 'shotId', shotId).filter((sibling) => sibling.id !== panelId)
  const at = Math.min(index, siblings.length)
  const order = generateKeyBetween(siblings[at - 1]?.order ?? null, siblings[at]?.order ?? null)
  doc.transact(() => {
    const panel = panels.get(panelId)!
    panel.set('shotId', shotId)
    panel.set('order', order)
  })
}

function rawOutline(doc: Y.Doc) {
  const group = (map: EntityMap, parentField: string) => {
    const groups = new Map<string, Keyed[]>()
    map.forEach((entity, id) => {
      const json = { ...entity.toJSON(), id } as Keyed
      const parent = String(json[parentField] ?? '')
      const list = groups.get(parent)
      if (list) list.push(json)
      else groups.set(parent, [json])
    })
    for (const list of groups.values()) list.sort(byOrder)
    return groups
  }
  const { scenes, shots, panels } = maps(doc)
  const shotsByScene = group(shots, 'sceneId')
  const panelsByShot = group(panels, 'shotId')
  let frame = 0
  const outline = (group(scenes, 'none').get('') ?? []).map((scene, s) => ({
    scene,
    number: s + 1,
    shots: (shotsByScene.get(scene.id) ?? []).map((shot, t) => {
      const number = `${s + 1}${lettersFor(t)}`
      const shotPanels = (panelsByShot.get(shot.id) ?? []).map((panel, p) => {
        const startFrame = frame
        frame += Number(panel.durationFrames)
        return { panel, index: p + 1, label: `Scene ${s + 1} · Shot ${number} · panel ${p + 1}`, startFrame }
      })
      return { shot, number, panels: shotPanels }
    }),
  }))
  return { scenes: outline, totalDurationFrames: frame }
}

// ── Fixtures ────────────────────────────────────────────────────────────────────────────────────────────────────────

/** A small seeded PRNG so both sides see the same sequence of targets. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const shotDefaults = { number: { kind: 'auto' }, size: 'MS', angle: null, movement: null, lens: '', equipment: '', description: '', cast: [], location: '', setupMinutes: null, status: 'planned', numberLock: null }
const panelDefaults = { durationFrames: 48, action: '', dialogue: '', notes: '', cameraMove: { kind: 'static' }, transitionIn: { kind: 'cut' }, imageAssetId: null, thumbnailAssetId: null, backgroundAssetId: null }

/** A fixed client id: Yjs writes it into every item as a varint, so a random one would skew the size row by ±3%. */
function newDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.clientID = 1_000_000
  return doc
}

function buildOurs(): { doc: Y.Doc; board: Board; shots: string[]; panels: string[] } {
  const doc = newDoc()
  const board = createBoard(doc)
  const shots: string[] = []
  const panels: string[] = []
  for (let s = 0; s < SCENES; s++) {
    const scene = board.insertScene({}, { heading: `INT. LOCATION ${s} – DAY` })
    for (let t = 0; t < SHOTS_PER_SCENE; t++) shots.push(board.insertShot({ sceneId: scene }, { size: 'MS' }))
  }
  for (let p = 0; p < PANELS; p++) panels.push(board.insertPanel({ shotId: shots[p % shots.length]! }, { durationFrames: 48 }))
  return { doc, board, shots, panels }
}

/** The best a hand-written raw build can do: it remembers the last key per parent instead of scanning. */
function buildRaw(): { doc: Y.Doc; shots: string[]; panels: string[] } {
  const doc = newDoc()
  const m = maps(doc)
  const last = new Map<string, string>()
  const insert = (map: EntityMap, parent: string, fields: Fields) => {
    const id = rawInsert(doc, map, fields, last.get(parent) ?? null, null)
    last.set(parent, map.get(id)!.get('order') as string)
    return id
  }
  const shots: string[] = []
  const panels: string[] = []
  for (let s = 0; s < SCENES; s++) {
    const scene = insert(m.scenes, '', { heading: `INT. LOCATION ${s} – DAY`, notes: '' })
    for (let t = 0; t < SHOTS_PER_SCENE; t++) shots.push(insert(m.shots, scene, { ...shotDefaults, sceneId: scene }))
  }
  for (let p = 0; p < PANELS; p++) {
    const shotId = shots[p % shots.length]!
    panels.push(insert(m.panels, shotId, { ...panelDefaults, shotId }))
  }
  return { doc, shots, panels }
}

// ── Cases: each returns the milliseconds of its timed part ─────────────────────────────────────────────────────────

function time(run: () => void): number {
  const start = performance.now()
  run()
  return performance.now() - start
}

const pick = <T>(items: readonly T[], next: () => number) => items[Math.floor(next() * items.length)]!

interface Case {
  name: string
  ours: () => number
  raw: () => number
}

const cases: Case[] = [
  { name: `build (${SCENES} scenes, ${SCENES * SHOTS_PER_SCENE} shots, ${PANELS} panels)`, ours: () => time(buildOurs), raw: () => time(buildRaw) },
  {
    name: 'outline() after each edit ×100',
    ours: () => {
      const { board, panels } = buildOurs()
      return time(() => { for (let i = 0; i < 100; i++) { board.updatePanel(panels[i]!, { durationFrames: 40 + i }); board.outline() } })
    },
    raw: () => {
      const { doc, panels } = buildRaw()
      return time(() => { for (let i = 0; i < 100; i++) { doc.transact(() => maps(doc).panels.get(panels[i]!)!.set('durationFrames', 40 + i)); rawOutline(doc) } })
    },
  },
  {
    name: 'outline() unchanged ×100 (cached)',
    ours: () => { const { board } = buildOurs(); board.outline(); return time(() => { for (let i = 0; i < 100; i++) board.outline() }) },
    raw: () => { const { doc } = buildRaw(); return time(() => { for (let i = 0; i < 100; i++) rawOutline(doc) }) },
  },
  {
    name: 'outline() with no cache: new board on the doc ×20',
    ours: () => { const { doc } = buildOurs(); return time(() => { for (let i = 0; i < 20; i++) { const board = createBoard(doc); board.outline(); board.destroy() } }) },
    raw: () => { const { doc } = buildRaw(); return time(() => { for (let i = 0; i < 20; i++) rawOutline(doc) }) },
  },
  {
    name: `insert panel at end of a random shot ×${OPS}`,
    ours: () => { const { board, shots } = buildOurs(); const next = random(1); return time(() => { for (let i = 0; i < OPS; i++) board.insertPanel({ shotId: pick(shots, next) }, { action: `a${i}` }) }) },
    raw: () => {
      const { doc, shots } = buildRaw()
      const next = random(1)
      return time(() => { for (let i = 0; i < OPS; i++) { const shotId = pick(shots, next); const last = rawChildren(maps(doc).panels, 'shotId', shotId).at(-1); rawInsert(doc, maps(doc).panels, { ...panelDefaults, action: `a${i}`, shotId }, last?.order ?? null, null) } })
    },
  },
  {
    name: `move panel to a random shot and index ×${OPS}`,
    ours: () => { const { board, shots, panels } = buildOurs(); const next = random(2); return time(() => { for (let i = 0; i < OPS; i++) board.movePanel(pick(panels, next), { shotId: pick(shots, next), index: Math.floor(next() * 5) }) }) },
    raw: () => { const { doc, shots, panels } = buildRaw(); const next = random(2); return time(() => { for (let i = 0; i < OPS; i++) rawMovePanel(doc, pick(panels, next), pick(shots, next), Math.floor(next() * 5)) }) },
  },
  {
    name: `update panel fields ×${OPS}`,
    ours: () => { const { board, panels } = buildOurs(); const next = random(3); return time(() => { for (let i = 0; i < OPS; i++) board.updatePanel(pick(panels, next), { durationFrames: i, dialogue: `line ${i}` }) }) },
    raw: () => {
      const { doc, panels } = buildRaw()
      const next = random(3)
      return time(() => { for (let i = 0; i < OPS; i++) doc.transact(() => { const panel = maps(doc).panels.get(pick(panels, next))!; panel.set('durationFrames', i); panel.set('dialogue', `line ${i}`) }) })
    },
  },
]

// ── Run and print ──────────────────────────────────────────────────────────────────────────────────────────────────

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!
const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width))

function main() {
  // One untimed pass so both sides run JIT-compiled code.
  for (const c of cases) {
    c.ours()
    c.raw()
  }
  const rows = cases.map((c) => {
    const ours: number[] = []
    const raw: number[] = []
    // Alternate the two sides so drift on a shared machine (GC, other processes) hits both equally.
    for (let r = 0; r < REPETITIONS; r++) {
      ours.push(c.ours())
      raw.push(c.raw())
    }
    return { name: c.name, ours: median(ours), raw: median(raw) }
  })
  const oursSize = Y.encodeStateAsUpdate(buildOurs().doc).byteLength
  const rawSize = Y.encodeStateAsUpdate(buildRaw().doc).byteLength

  console.log(`Board doc layer vs raw Yjs maps — median of ${REPETITIONS} runs, Node ${process.versions.node}\n`)
  console.log(`| ${pad('operation', 52)} | ${pad('ours ms', 9, true)} | ${pad('raw ms', 9, true)} | ${pad('ours/raw', 8, true)} |`)
  console.log(`| ${'-'.repeat(52)} | ${'-'.repeat(8)}: | ${'-'.repeat(8)}: | ${'-'.repeat(7)}: |`)
  for (const row of rows) {
    console.log(`| ${pad(row.name, 52)} | ${pad(row.ours.toFixed(2), 9, true)} | ${pad(row.raw.toFixed(2), 9, true)} | ${pad((row.ours / row.raw).toFixed(2) + '×', 8, true)} |`)
  }
  console.log(`| ${pad('encoded size of the built board (bytes)', 52)} | ${pad(String(oursSize), 9, true)} | ${pad(String(rawSize), 9, true)} | ${pad((oursSize / rawSize).toFixed(2) + '×', 8, true)} |`)
}

main()
