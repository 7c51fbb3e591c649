'use client'
// The shot list's own controls: text filter, grouping, column visibility and "Add shot".
import { Check, Columns3, Plus, Search } from 'lucide-react'
import type { Table } from '@tanstack/react-table'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuTrigger } from '@/components/ui/dropdown-menu'
import { Input, inputClassName } from '@/components/ui/input'
import { columnNames } from './shot-columns'
import type { GroupBy, ShotRow } from './shot-rows'

export interface ShotListControlsProps {
  table: Table<ShotRow>
  filter: string
  onFilter: (text: string) => void
  groupBy: GroupBy
  onGroupBy: (by: GroupBy) => void
  readOnly: boolean
  onAddShot: () => void
}

export function ShotListControls({ table, filter, onFilter, groupBy, onGroupBy, readOnly, onAddShot }: ShotListControlsProps) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <div className="relative w-64">
        <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-subtle-foreground" aria-hidden />
        <Input aria-label="Filter shots" placeholder="Filter shots…" value={filter} onChange={(e) => onFilter(e.target.value)} className="pl-8" />
      </div>
      <label className="flex items-center gap-2 text-xs text-muted-foreground">
        Group by
        <select aria-label="Group by" className={cn(inputClassName, 'h-9 w-32')} value={groupBy} onChange={(e) => onGroupBy(e.target.value as GroupBy)}>
          <option value="scene">Scene</option>
          <option value="location">Location</option>
          <option value="none">Nothing</option>
        </select>
      </label>
      <DropdownMenu>
        <DropdownMenuTrigger asChild>
          <Button variant="secondary" size="sm">
            <Columns3 aria-hidden /> Columns
          </Button>
        </DropdownMenuTrigger>
        <DropdownMenuContent>
          <DropdownMenuLabel>Show columns</DropdownMenuLabel>
          {table.getAllLeafColumns().map((column) => (
            <DropdownMenuItem
              key={column.id}
              role="menuitemcheckbox"
              aria-checked={column.getIsVisible()}
              onSelect={(event) => {
                event.preventDefault() // keep the menu open to toggle several
                column.toggleVisibility()
              }}
            >
              <Check className={cn(!column.getIsVisible() && 'invisible')} aria-hidden />
              {columnNames[column.id] ?? column.id}
            </DropdownMenuItem>
          ))}
        </DropdownMenuContent>
      </DropdownMenu>
      <Button size="sm" className="ml-auto" disabled={readOnly} onClick={onAddShot}>
        <Plus aria-hidden /> Add shot
      </Button>
    </div>
  )
}
