'use client'
// Drag-and-drop for the board with @dnd-kit, by pointer and by keyboard (space to lift, arrows, space to drop).
// A drop only becomes a call to lib/board's moveShot / movePanel; the board re-renders from the document, so a
// reorder looks the same to the person who made it and to everyone else.
import { createContext, useContext, useState } from 'react'
import {
  closestCenter,
  DndContext,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core'
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable'
import type { Board } from '@/lib/board'
import { moveForDrop, type DragData, type DragKind } from './board-moves'

export type { DragKind }

const DragKindContext = createContext<DragKind | null>(null)

/** What is being dragged now, so the other kind can stop being a drop target (a shot never lands inside a panel row). */
export const useDragKind = () => useContext(DragKindContext)

/** Shots and panels share one DndContext, so their ids are prefixed to stay unique. */
export const dragId = (kind: DragKind, id: string) => `${kind}:${id}`

const sameKindOnly: CollisionDetection = (args) => {
  const kind = (args.active.data.current as DragData | undefined)?.kind
  return closestCenter({ ...args, droppableContainers: args.droppableContainers.filter((c) => (c.data.current as DragData | undefined)?.kind === kind) })
}

const labelOf = (data: unknown) => (data as DragData | undefined)?.label ?? 'item'
const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

// Spoken in dnd-kit's live region, in the board's own words instead of internal ids.
const announcements: Announcements = {
  onDragStart: ({ active }) => `Picked up ${labelOf(active.data.current)}.`,
  onDragOver: ({ active, over }) =>
    over ? `${capitalised(labelOf(active.data.current))} is over ${labelOf(over.data.current)}.` : `${capitalised(labelOf(active.data.current))} is not over a place to drop.`,
  onDragEnd: ({ active, over }) =>
    over ? `${capitalised(labelOf(active.data.current))} dropped at ${labelOf(over.data.current)}.` : `${capitalised(labelOf(active.data.current))} put back.`,
  onDragCancel: ({ active }) => `Moving ${labelOf(active.data.current)} cancelled; it is back where it was.`,
}

export function BoardDnd({ board, onError, children }: { board: Board; onError: (error: unknown) => void; children: React.ReactNode }) {
  const [dragKind, setDragKind] = useState<DragKind | null>(null)
  const sensors = useSensors(
    // A small distance so a click on a card still selects it.
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  )
  const onDragStart = ({ active }: DragStartEvent) => setDragKind((active.data.current as DragData | undefined)?.kind ?? null)
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragKind(null)
    const from = active.data.current as DragData | undefined
    const to = over?.data.current as DragData | undefined
    if (!from || !to) return
    try {
      moveForDrop(board, from, to)
    } catch (error) {
      onError(error)
    }
  }
  return (
    <DragKindContext.Provider value={dragKind}>
      <DndContext sensors={sensors} collisionDetection={sameKindOnly} accessibility={{ announcements }} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragKind(null)}>
        {children}
      </DndContext>
    </DragKindContext.Provider>
  )
}
