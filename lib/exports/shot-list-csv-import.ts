import Papa from 'papaparse'
import { panelFieldsFor, sceneFields, shotFields, type SceneFields, type ShotFields } from '@/lib/board'
import { columnForHeader, headerOf, requiredColumns, type ShotListColumnKey } from './shot-list-columns'
import { angleFromText, movementFromText, sizeFromText, statusFromText } from './shot-field-text'
import { parseDurationText } from './duration-text'
import type { RateLike } from './shot-list-rows'

// Reads a shot list CSV (ours or a spreadsheet's) into a plan of new scenes and shots, all or nothing: every row is
// validated with the board's own schemas before anything is written, and any problem anywhere means no plan at all.
// Row numbers are spreadsheet rows: the header is row 1, the first shot row 2 (a quoted line break stays in one row).

/** A feature's shot list is one to two thousand shots; five thousand leaves room without letting one request hold
 * the server on a multi-megabyte paste (validated in well under a second, see the test). */
export const MAX_IMPORT_ROWS = 5000

export interface ImportError {
  /** Spreadsheet row (1 = header), or null for a problem with the file as a whole. */
  row: number | null
  /** The column's header as written in the file, or null when the problem is not about one column. */
  column: string | null
  message: string
}

export interface ImportedShot {
  row: number
  /** The shot number as written ("3B", "PU1"), or '' for automatic. applyShotListImport decides auto vs custom. */
  label: string
  fields: Omit<ShotFields, 'number'>
  /** One panel holding this duration is created; null (blank or zero) creates a shot with no panels. */
  durationFrames: number | null
}

export interface ImportedScene {
  /** The Scene column's value, which groups rows. */
  key: string
  fields: SceneFields
  shots: ImportedShot[]
}

export interface ColumnMapping {
  header: string
  column: ShotListColumnKey | null
}

export interface ShotListImportPlan {
  rate: RateLike
  columns: ColumnMapping[]
  warnings: string[]
  scenes: ImportedScene[]
  rowCount: number
}

export type ShotListImportResult =
  | { ok: true; plan: ShotListImportPlan }
  | { ok: false; columns: ColumnMapping[]; errors: ImportError[]; warnings: string[] }

const shotFieldsWithoutNumber = shotFields.omit({ number: true })
/** Spreadsheets show our formula guard's apostrophe; take it off again so an exported "-" note reads back as written. */
const defused = /^'([=+\-@\t\r])/

export function parseShotListCsv(csv: string, rate: RateLike): ShotListImportResult {
  // Parsed as arrays, not with Papa's `header` option, which would silently merge two columns of the same name: the
  // header row is mapped here so duplicates and unknown columns can be reported.
  const parsed = Papa.parse<string[]>(csv.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' })
  const [headerRow = [], ...dataRows] = parsed.data
  const columns: ColumnMapping[] = headerRow.map((header) => ({ header: header.trim(), column: columnForHeader(header) ?? null }))
  const warnings: string[] = []
  const fail = (errors: ImportError[]): ShotListImportResult => ({ ok: false, columns, errors, warnings })

  if (headerRow.length === 0) return fail([{ row: null, column: null, message: 'The file is empty: expected a header row.' }])
  if (dataRows.length > MAX_IMPORT_ROWS) {
    return fail([{ row: null, column: null, message: `Too many rows: ${dataRows.length} (limit ${MAX_IMPORT_ROWS}). Split the shot list into several files.` }])
  }
  const headerErrors = checkHeader(columns, warnings)
  if (headerErrors.length > 0) return fail(headerErrors)

  const errors: ImportError[] = parsed.errors
    .filter((error) => error.code !== 'UndetectableDelimiter')
    // Papa counts the header as record 0, so its record index plus one is the spreadsheet row.
    .map((error) => ({ row: error.row === undefined ? null : error.row + 1, column: null, message: `${error.message}.` }))
  const scenes = new Map<string, ImportedScene & { headingRow: number }>()
  const maxFrames = panelFieldsFor(rate).shape.durationFrames

  dataRows.forEach((cells, index) => {
    const row = index + 2
    const value = (key: ShotListColumnKey) => {
      const at = columns.findIndex((mapping) => mapping.column === key)
      return at < 0 ? '' : (cells[at] ?? '').replace(defused, '$1')
    }
    const headerFor = (key: ShotListColumnKey) => columns.find((mapping) => mapping.column === key)?.header ?? headerOf(key)
    const rowError = (key: ShotListColumnKey | null, message: string) => errors.push({ row, column: key && headerFor(key), message })

    const sceneKey = value('scene').trim()
    if (!sceneKey) return rowError('scene', 'Every shot needs a scene.')
    const heading = withIntExt(value('intExt'), value('sceneHeading').trim())

    const setup = value('setupMinutes').trim()
    const setupIsNumber = /^\d+$/.test(setup)
    if (setup !== '' && !setupIsNumber) rowError('setupMinutes', `must be a whole number of minutes (got "${setup}")`)
    const candidate = {
      size: blankToNull(value('size'), sizeFromText),
      angle: blankToNull(value('angle'), angleFromText),
      movement: blankToNull(value('movement'), movementFromText),
      lens: value('lens').trim(),
      equipment: value('equipment').trim(),
      description: value('description'),
      cast: value('cast').split(/[;\n]/).map((name) => name.trim()).filter(Boolean),
      location: value('location').trim(),
      setupMinutes: setupIsNumber ? Number(setup) : null,
      status: value('status').trim() === '' ? 'planned' : statusFromText(value('status')),
    }
    const shot = shotFieldsWithoutNumber.safeParse(candidate)
    if (!shot.success) {
      for (const issue of shot.error.issues) {
        const key = issue.path[0] as ShotListColumnKey
        rowError(key, `${issue.message}${issue.code === 'invalid_value' ? ` (got "${value(key).trim()}")` : ''}`)
      }
    }

    let durationFrames: number | null = null
    const durationText = value('duration').trim()
    if (durationText) {
      const duration = parseDurationText(durationText, rate)
      const checked = duration.ok ? maxFrames.safeParse(duration.frames) : null
      if (!duration.ok) rowError('duration', duration.message)
      else if (checked && !checked.success) rowError('duration', checked.error.issues[0]?.message ?? 'is not a valid duration')
      else durationFrames = duration.frames > 0 ? duration.frames : null
    }

    let scene = scenes.get(sceneKey)
    if (!scene) scenes.set(sceneKey, (scene = { key: sceneKey, fields: { heading, notes: '' }, shots: [], headingRow: row }))
    else if (heading && !scene.fields.heading) scene.fields.heading = heading
    else if (heading && heading !== scene.fields.heading) {
      rowError('sceneHeading', `Scene ${sceneKey} is "${scene.fields.heading}" in row ${scene.headingRow}; one scene cannot have two headings.`)
    }
    const label = value('shot').trim()
    if (label.length > 20) rowError('shot', 'A shot number can be at most 20 characters.')
    const headingCheck = sceneFields.shape.heading.safeParse(heading)
    if (!headingCheck.success) rowError('sceneHeading', headingCheck.error.issues[0]?.message ?? 'is not a valid scene heading')
    if (shot.success) scene.shots.push({ row, label, fields: shot.data, durationFrames })
  })

  if (errors.length > 0) return fail(errors)
  const planScenes = [...scenes.values()].map(({ headingRow: _row, ...scene }) => scene)
  return { ok: true, plan: { rate, columns, warnings, scenes: planScenes, rowCount: dataRows.length } }
}

function checkHeader(columns: ColumnMapping[], warnings: string[]): ImportError[] {
  const errors: ImportError[] = []
  const seen = new Set<ShotListColumnKey>()
  for (const { header, column } of columns) {
    if (column === null) {
      if (header) warnings.push(`Column "${header}" is not a shot list column and was ignored.`)
    } else if (seen.has(column)) {
      errors.push({ row: 1, column: header, message: `Two columns mean "${headerOf(column)}"; keep one.` })
    } else seen.add(column)
  }
  for (const column of requiredColumns) {
    if (!seen.has(column)) errors.push({ row: 1, column: headerOf(column), message: `The "${headerOf(column)}" column is missing.` })
  }
  return errors
}

function blankToNull(value: string, read: (value: string) => string): string | null {
  return value.trim() === '' ? null : read(value)
}

/** "INT" + "KITCHEN - DAY" → "INT. KITCHEN - DAY", unless the heading already says it. */
function withIntExt(intExt: string, heading: string): string {
  const prefix = intExt.trim().toUpperCase()
  if (!prefix) return heading
  const withDot = prefix.endsWith('.') ? prefix : `${prefix}.`
  if (heading.toUpperCase().startsWith(prefix.replace(/\.$/, ''))) return heading
  return `${withDot} ${heading}`.trim()
}

/** What an import answers: counts of what was added, or every problem and nothing changed. */
export type ImportShotListOutcome =
  | { ok: true; scenes: number; shots: number; panels: number; warnings: string[] }
  | { ok: false; errors: ImportError[]; warnings: string[]; columns: ColumnMapping[] }
