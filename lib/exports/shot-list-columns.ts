// The shot list's CSV columns: the header the export writes and the other names a spreadsheet may use for it.
// Matching ignores case, spaces, dots, underscores and "#", so "Shot #", "shot_no" and "SHOT" all find `shot`.

export const shotListColumns = [
  { key: 'scene', header: 'Scene', aliases: ['scene #', 'scene number', 'scene no', 'sc'] },
  { key: 'sceneHeading', header: 'Scene heading', aliases: ['heading', 'slugline', 'slug', 'scene name'] },
  { key: 'intExt', header: 'INT/EXT', aliases: ['int ext', 'interior exterior', 'i/e'] },
  { key: 'shot', header: 'Shot', aliases: ['shot #', 'shot number', 'shot no', 'number'] },
  { key: 'size', header: 'Size', aliases: ['shot size', 'framing', 'shot type', 'type'] },
  { key: 'angle', header: 'Angle', aliases: ['camera angle'] },
  { key: 'movement', header: 'Movement', aliases: ['camera movement', 'move', 'camera move'] },
  { key: 'lens', header: 'Lens', aliases: ['focal length', 'focal', 'mm'] },
  { key: 'equipment', header: 'Equipment', aliases: ['gear', 'support', 'rig'] },
  { key: 'location', header: 'Location', aliases: ['set', 'loc'] },
  { key: 'cast', header: 'Cast', aliases: ['characters', 'talent', 'actors'] },
  { key: 'description', header: 'Description', aliases: ['desc', 'action', 'shot description', 'notes'] },
  { key: 'setupMinutes', header: 'Setup (min)', aliases: ['setup', 'setup time', 'setup minutes', 'set up'] },
  { key: 'status', header: 'Status', aliases: ['state'] },
  { key: 'duration', header: 'Duration', aliases: ['length', 'time', 'est duration', 'runtime'] },
] as const

export type ShotListColumnKey = (typeof shotListColumns)[number]['key']

/** What the export writes, in order. INT/EXT is import-only: the export keeps it inside the scene heading. */
export const exportedColumns: readonly ShotListColumnKey[] = [
  'scene', 'sceneHeading', 'shot', 'size', 'angle', 'movement', 'lens', 'equipment', 'location', 'cast', 'description',
  'setupMinutes', 'status', 'duration',
]

/** Without these there is nothing to group shots into scenes by or to number them with. */
export const requiredColumns: readonly ShotListColumnKey[] = ['scene', 'shot']

export function headerOf(key: ShotListColumnKey): string {
  return shotListColumns.find((column) => column.key === key)!.header
}

export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[\s._#()\-/]+/g, '')
}

const byNormalizedName = new Map<string, ShotListColumnKey>()
for (const column of shotListColumns) {
  for (const name of [column.header, ...column.aliases]) byNormalizedName.set(normalizeHeader(name), column.key)
}

export function columnForHeader(header: string): ShotListColumnKey | undefined {
  return byNormalizedName.get(normalizeHeader(header))
}
