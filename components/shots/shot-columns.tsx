'use client'
// The shot list's columns: what each shows, how it sorts and how it is edited. Edits are lib/board updateShot calls.
import { createColumnHelper, type ColumnDef } from '@tanstack/react-table'
import { shotAngles, shotMovements, shotSizes, shotStatuses, type ShotAngle, type ShotMovement, type ShotPatch, type ShotSize } from '@/lib/board'
import { formatDuration } from '@/lib/timecode'
import { Badge } from '@/components/ui/badge'
import { EditableCell, type CellEditor } from './editable-cell'
import type { ShotRow } from './shot-rows'

export interface ColumnContext {
  readOnly: boolean
  frameRate: { numerator: number; denominator: number }
  update: (shotId: string, patch: ShotPatch) => void
}

const statusLabels: Record<(typeof shotStatuses)[number], string> = { planned: 'Planned', ready: 'Ready', shot: 'Shot', omitted: 'Omitted' }
const statusLook = { planned: 'neutral', ready: 'primary', shot: 'success', omitted: 'outline' } as const
const choices = (values: readonly string[]): ReadonlyArray<readonly [string, string]> => [['', '—'], ...values.map((v) => [v, v] as const)]

const column = createColumnHelper<ShotRow>()
const muted = (text: string) => (text ? text : <span className="text-subtle-foreground">—</span>)

/** Hideable columns, in order, with the names the column menu shows. */
export const columnNames: Record<string, string> = {
  scene: 'Scene', number: 'Shot', size: 'Size', angle: 'Angle', movement: 'Movement', lens: 'Lens', equipment: 'Equipment',
  description: 'Description', cast: 'Cast', location: 'Location', setupMinutes: 'Setup (min)', status: 'Status', panels: 'Panels', duration: 'Duration',
}

export function shotColumns({ readOnly, frameRate, update }: ColumnContext): ColumnDef<ShotRow, unknown>[] {
  function editable(id: string, editor: CellEditor, read: (row: ShotRow) => string, write: (value: string) => ShotPatch, show?: (row: ShotRow) => React.ReactNode, size?: number) {
    return column.accessor((row) => read(row), {
      id,
      header: columnNames[id],
      size,
      cell: ({ row }) => (
        <EditableCell
          label={`${columnNames[id]} of shot ${row.original.number}`}
          display={show ? show(row.original) : muted(read(row.original))}
          value={read(row.original)}
          editor={editor}
          disabled={readOnly}
          onCommit={(value) => update(row.original.id, write(value))}
        />
      ),
    }) as ColumnDef<ShotRow, unknown>
  }
  const orNull = <T extends string>(value: string) => (value === '' ? null : (value as T))
  return [
    column.accessor('sceneNumber', {
      id: 'scene',
      header: 'Scene',
      cell: ({ row }) => <span className="px-2 font-mono text-xs text-muted-foreground">{row.original.sceneNumber}</span>,
    }) as ColumnDef<ShotRow, unknown>,
    editable('number', { kind: 'text' }, (r) => (r.customNumber ? r.number : ''), (v) => ({ number: v.trim() ? { kind: 'custom', label: v.trim() } : { kind: 'auto' } }),
      (r) => <span className="font-mono font-semibold text-foreground" data-testid="shot-number">{r.number}</span>),
    editable('size', { kind: 'select', options: choices(shotSizes) }, (r) => r.shot.size ?? '', (v) => ({ size: orNull<ShotSize>(v) })),
    editable('angle', { kind: 'select', options: choices(shotAngles) }, (r) => r.shot.angle ?? '', (v) => ({ angle: orNull<ShotAngle>(v) })),
    editable('movement', { kind: 'select', options: choices(shotMovements) }, (r) => r.shot.movement ?? '', (v) => ({ movement: orNull<ShotMovement>(v) })),
    editable('lens', { kind: 'text' }, (r) => r.shot.lens, (lens) => ({ lens })),
    editable('equipment', { kind: 'text' }, (r) => r.shot.equipment, (equipment) => ({ equipment })),
    editable('description', { kind: 'text' }, (r) => r.shot.description, (description) => ({ description }), undefined, 280),
    editable('cast', { kind: 'text' }, (r) => r.shot.cast.join(', '), (v) => ({ cast: v.split(',').map((name) => name.trim()).filter(Boolean) })),
    editable('location', { kind: 'text' }, (r) => r.shot.location, (location) => ({ location })),
    editable('setupMinutes', { kind: 'number' }, (r) => (r.shot.setupMinutes === null ? '' : String(r.shot.setupMinutes)), (v) => ({ setupMinutes: v === '' ? null : Number(v) })),
    editable('status', { kind: 'select', options: shotStatuses.map((s) => [s, statusLabels[s]] as const) }, (r) => r.shot.status, (v) => ({ status: v as (typeof shotStatuses)[number] }),
      (r) => <Badge variant={statusLook[r.shot.status]}>{statusLabels[r.shot.status]}</Badge>),
    column.accessor('panelsCount', { id: 'panels', header: 'Panels', cell: (c) => <span className="px-2 font-mono text-xs">{c.getValue()}</span> }) as ColumnDef<ShotRow, unknown>,
    column.accessor('durationFrames', {
      id: 'duration',
      header: 'Duration',
      cell: (c) => <span className="whitespace-nowrap px-2 font-mono text-xs text-muted-foreground">{formatDuration(c.getValue(), frameRate)}</span>,
    }) as ColumnDef<ShotRow, unknown>,
  ]
}
