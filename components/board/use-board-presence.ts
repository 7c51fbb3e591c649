'use client'
// Which panel each person has selected: published in awareness under `board`, read back as a panel → people map so a
// card can draw a ring in the colour of whoever is looking at it.
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { presenceUser, type PresenceUser } from '@/lib/collab/presence'

export type SelectionsByPanel = ReadonlyMap<string, readonly PresenceUser[]>

function readSelections(awareness: Awareness): SelectionsByPanel {
  const byPanel = new Map<string, PresenceUser[]>()
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const user = presenceUser.safeParse((state as { user?: unknown }).user)
    const panelId = (state as { board?: { panelId?: unknown } }).board?.panelId
    if (!user.success || typeof panelId !== 'string') continue
    const people = byPanel.get(panelId) ?? []
    if (!people.some((person) => person.id === user.data.id)) people.push(user.data)
    byPanel.set(panelId, people)
  }
  return byPanel
}

export function useBoardPresence(awareness: Awareness | null, selectedPanelId: string | null): SelectionsByPanel {
  const [selections, setSelections] = useState<SelectionsByPanel>(new Map())

  useEffect(() => {
    awareness?.setLocalStateField('board', { panelId: selectedPanelId })
  }, [awareness, selectedPanelId])

  useEffect(() => {
    if (!awareness) return
    const refresh = () => setSelections(readSelections(awareness))
    refresh()
    awareness.on('change', refresh)
    return () => awareness.off('change', refresh)
  }, [awareness])

  return selections
}
