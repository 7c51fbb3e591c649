'use client'
// A big board draws its first screenful at once and the rest in small transitions after it, so the grid is usable
// before hundreds of panel cards (about thirty elements and a sortable each) have been built. React renders a
// transition in slices and drops it for anything urgent (typing, a click, a remote edit), and each step commits only
// a few scenes, so no single task holds the page for long. Once everything is drawn the board renders whole.
import { startTransition, useEffect, useState } from 'react'
import type { OutlineScene } from '@/lib/board'

/**
 * About two screens of panel cards at 1280 × 720: what the first render draws. Each later step at least doubles what is
 * drawn, because every step also costs a pass over the cards already there (dnd-kit re-renders its sortables when new
 * ones register), so few steps keep the total near one whole render while each commit stays a fraction of it.
 */
export const FIRST_PANELS = 48

const panelsOf = (scene: OutlineScene) => scene.shots.reduce((sum, shot) => sum + shot.panels.length, 0)

/** Where the next step ends: the scenes after the first `from` that hold at least `budget` panels (at least one). */
export function scenesWithin(scenes: readonly OutlineScene[], from: number, budget: number): number {
  let panels = 0
  let end = from
  while (end < scenes.length && panels < budget) panels += panelsOf(scenes[end++]!)
  return end
}

/** The end of the step after the first `shown` scenes: doubling what is drawn, and never less than the first step. */
export function nextStep(scenes: readonly OutlineScene[], shown: number): number {
  let drawn = 0
  for (let i = 0; i < shown; i++) drawn += panelsOf(scenes[i]!)
  return scenesWithin(scenes, shown, Math.max(FIRST_PANELS, drawn))
}

export function useProgressiveScenes(scenes: readonly OutlineScene[]): readonly OutlineScene[] {
  // null once everything has been drawn: from then on new scenes appear with the change that made them.
  const [shown, setShown] = useState<number | null>(0)
  const count = shown === null ? scenes.length : Math.max(shown, scenesWithin(scenes, 0, FIRST_PANELS))
  const done = count >= scenes.length

  useEffect(() => {
    if (shown === null) return
    // An empty outline is a board still loading (or a new one): wait for content before deciding anything.
    if (scenes.length === 0) return
    startTransition(() => setShown(done ? null : nextStep(scenes, count)))
  }, [shown, done, count, scenes])

  return done ? scenes : scenes.slice(0, count)
}
