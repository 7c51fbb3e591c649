'use client'
// One row of the shot list: its cells, plus move up/down (also Alt+↑/↓ anywhere in the row) and delete.
import { flexRender, type Row } from '@tanstack/react-table'
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react'
import { Button } from '@/components/ui/button'
import type { ShotRow } from './shot-rows'

export interface ShotRowViewProps {
  row: Row<ShotRow>
  readOnly: boolean
  canMove: (step: -1 | 1) => boolean
  onMove: (step: -1 | 1) => void
  onDelete: () => void
}

export function ShotRowView({ row, readOnly, canMove, onMove, onDelete }: ShotRowViewProps) {
  const { number } = row.original
  const onKeyDown = (event: React.KeyboardEvent) => {
    if (readOnly || !event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return
    if (event.target instanceof HTMLInputElement || event.target instanceof HTMLSelectElement) return
    event.preventDefault()
    const step = event.key === 'ArrowUp' ? -1 : 1
    if (canMove(step)) onMove(step)
  }
  return (
    <tr className="group border-b border-border/70 hover:bg-card-hover/50" data-testid="shot-row" data-shot-id={row.original.id} onKeyDown={onKeyDown}>
      <td className="w-16 px-1">
        <div className="flex opacity-60 group-focus-within:opacity-100 group-hover:opacity-100">
          <Button variant="ghost" size="icon" className="size-7" disabled={readOnly || !canMove(-1)} onClick={() => onMove(-1)} aria-label={`Move shot ${number} up`}>
            <ArrowUp aria-hidden />
          </Button>
          <Button variant="ghost" size="icon" className="size-7" disabled={readOnly || !canMove(1)} onClick={() => onMove(1)} aria-label={`Move shot ${number} down`}>
            <ArrowDown aria-hidden />
          </Button>
        </div>
      </td>
      {row.getVisibleCells().map((cell) => (
        <td key={cell.id} className="max-w-72 py-0.5 align-middle text-sm" style={{ minWidth: cell.column.id === 'description' ? 220 : undefined }}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
      <td className="w-10 px-1">
        <Button variant="destructive-ghost" size="icon" className="size-7" disabled={readOnly} onClick={onDelete} aria-label={`Delete shot ${number}`}>
          <Trash2 aria-hidden />
        </Button>
      </td>
    </tr>
  )
}
