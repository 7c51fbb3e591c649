'use client'
// Which shot-list columns this browser shows, remembered in localStorage across visits and projects.
import { useEffect, useState } from 'react'
import type { VisibilityState } from '@tanstack/react-table'

const storageKey = 'storyreel:shot-list:columns'

function load(): VisibilityState {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(storageKey) ?? '{}')
    if (!parsed || typeof parsed !== 'object') return {}
    return Object.fromEntries(Object.entries(parsed).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'))
  } catch {
    return {}
  }
}

export function useColumnVisibility() {
  // Read on the first client render. The server renders every column, but the table only appears once the live
  // document has shots, which is always after hydration, so the two never disagree on screen.
  const [visibility, setVisibility] = useState<VisibilityState>(() => (typeof window === 'undefined' ? {} : load()))
  useEffect(() => {
    window.localStorage.setItem(storageKey, JSON.stringify(visibility))
  }, [visibility])
  return [visibility, setVisibility] as const
}
