'use client'
// The shot list: the board's shots as a sortable, filterable, groupable table over the same live document, so an
// edit here shows on the board at once (and the other way round).
import { useCallback, useMemo, useState } from 'react'
import { getCoreRowModel, getFilteredRowModel, getSortedRowModel, useReactTable, flexRender, type SortingState } from '@tanstack/react-table'
import { ArrowDownUp, ChevronDown, ChevronUp, ListVideo, Plus } from 'lucide-react'
import { toast } from 'sonner'
import type { ShotPatch } from '@/lib/board'
import { Button } from '@/components/ui/button'
import { EmptyState } from '@/components/ui/empty-state'
import { reportBoardError } from '@/components/board/board-actions'
import type { BoardProject } from '@/components/board/board-project'
import { BoardLoading } from '@/components/board/board-loading'
import { BoardToolbar } from '@/components/board/board-toolbar'
import { ReadOnlyNote } from '@/components/board/read-only-note'
import { useLiveBoard } from '@/components/board/use-live-board'
import { useUndoShortcuts } from '@/components/board/use-undo-shortcuts'
import { shotColumns } from './shot-columns'
import { ShotListControls } from './shot-list-controls'
import { canMoveShot, moveShotBy } from './shot-moves'
import { ShotRowView } from './shot-row-view'
import { groupRows, searchTextOf, shotRowsOf, type GroupBy, type ShotRow } from './shot-rows'
import { useColumnVisibility } from './use-column-visibility'

export function ShotList({ project, userId }: { project: BoardProject; userId: string }) {
  const live = useLiveBoard(project, userId)
  const { board, outline, undo, readOnlyReason } = live
  const readOnly = readOnlyReason !== null
  useUndoShortcuts(undo, !readOnly)
  const [sorting, setSorting] = useState<SortingState>([])
  const [filter, setFilter] = useState('')
  const [groupBy, setGroupBy] = useState<GroupBy>('scene')
  const [columnVisibility, setColumnVisibility] = useColumnVisibility()

  const write = useCallback(<T,>(change: () => T) => {
    try {
      return change()
    } catch (error) {
      reportBoardError(error)
      return null
    }
  }, [])
  const update = useCallback((shotId: string, patch: ShotPatch) => void write(() => board.updateShot(shotId, patch)), [board, write])
  const columns = useMemo(() => shotColumns({ readOnly, frameRate: project.frameRate, update }), [readOnly, project.frameRate, update])
  const rows = useMemo(() => shotRowsOf(outline), [outline])

  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.id,
    state: { sorting, globalFilter: filter, columnVisibility },
    onSortingChange: setSorting,
    onGlobalFilterChange: setFilter,
    onColumnVisibilityChange: setColumnVisibility,
    globalFilterFn: (row, _columnId, value: string) => searchTextOf(row.original).includes(value.trim().toLowerCase()),
    getCoreRowModel: getCoreRowModel(),
    getFilteredRowModel: getFilteredRowModel(),
    getSortedRowModel: getSortedRowModel(),
  })

  const addShot = (sceneId?: string) =>
    write(() => {
      const target = sceneId ?? outline.scenes.at(-1)?.scene.id ?? board.insertScene()
      const shotId = board.insertShot({ sceneId: target })
      board.insertPanel({ shotId })
    })
  const deleteShot = (row: ShotRow) => {
    if (write(() => board.deleteShot(row.id))) toast.success(`Shot ${row.number} deleted`, { action: { label: 'Undo', onClick: () => undo.undo() } })
  }
  const groups = groupRows(table.getRowModel().rows, groupBy)
  const columnCount = table.getVisibleLeafColumns().length + 2

  return (
    <div className="flex flex-col gap-5">
      <BoardToolbar live={live} frameRate={project.frameRate} />
      {readOnlyReason ? <ReadOnlyNote reason={readOnlyReason} /> : null}
      <ShotListControls table={table} filter={filter} onFilter={setFilter} groupBy={groupBy} onGroupBy={setGroupBy} readOnly={readOnly} onAddShot={() => addShot()} />
      {!live.loaded ? (
        <BoardLoading />
      ) : rows.length === 0 ? (
        <EmptyState icon={ListVideo} title="No shots yet" description="Add a shot here or a scene on the board; every shot on the board is a row in this list."
          action={<Button disabled={readOnly} onClick={() => addShot()}><Plus aria-hidden /> Add shot</Button>} />
      ) : (
        <div className="overflow-x-auto rounded-xl border border-border bg-surface">
          <table className="w-full border-collapse text-left" aria-label="Shot list">
            <thead className="sticky top-0 bg-card text-xs text-muted-foreground">
              {table.getHeaderGroups().map((headerGroup) => (
                <tr key={headerGroup.id} className="border-b border-border">
                  <th className="w-16 px-2 py-2 font-medium"><span className="sr-only">Order</span></th>
                  {headerGroup.headers.map((header) => {
                    const sorted = header.column.getIsSorted()
                    const SortIcon = sorted === 'asc' ? ChevronUp : sorted === 'desc' ? ChevronDown : ArrowDownUp
                    return (
                      <th key={header.id} className="whitespace-nowrap px-1 py-1 font-medium" aria-sort={sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : undefined}>
                        <button type="button" onClick={header.column.getToggleSortingHandler()} className="inline-flex items-center gap-1 rounded px-1 py-1 hover:text-foreground">
                          {flexRender(header.column.columnDef.header, header.getContext())}
                          <SortIcon className={sorted ? 'size-3.5' : 'size-3 opacity-40'} aria-hidden />
                        </button>
                      </th>
                    )
                  })}
                  <th className="w-10"><span className="sr-only">Delete</span></th>
                </tr>
              ))}
            </thead>
            {groups.map((group) => (
              <tbody key={group.key} aria-label={group.label || undefined}>
                {groupBy !== 'none' ? (
                  <tr className="bg-muted/40">
                    <th colSpan={columnCount} scope="colgroup" className="px-3 py-2 text-left text-xs font-semibold text-foreground">
                      <span className="flex items-center gap-3">
                        {group.label}
                        <span className="font-normal text-muted-foreground">{group.rows.length} {group.rows.length === 1 ? 'shot' : 'shots'}</span>
                        {group.sceneId ? (
                          <Button variant="ghost" size="sm" className="ml-auto h-6" disabled={readOnly} onClick={() => addShot(group.sceneId ?? undefined)}>
                            <Plus aria-hidden /> Shot
                          </Button>
                        ) : null}
                      </span>
                    </th>
                  </tr>
                ) : null}
                {group.rows.map((row) => (
                  <ShotRowView key={row.id} row={row} readOnly={readOnly}
                    canMove={(step) => canMoveShot(rows, row.original, step)}
                    onMove={(step) => void write(() => moveShotBy(board, row.original, step))}
                    onDelete={() => deleteShot(row.original)} />
                ))}
              </tbody>
            ))}
          </table>
          {groups.every((group) => group.rows.length === 0) ? <p className="px-4 py-6 text-sm text-muted-foreground">No shot matches “{filter}”.</p> : null}
        </div>
      )}
    </div>
  )
}
