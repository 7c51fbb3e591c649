'use client'
// The camera frame drawn on the canvas (in page space, from 0,0 at the project's resolution): people draw inside it,
// and it is exactly the area exported as the panel image. Not a shape, so nobody can move or delete it.
import { createContext, useContext } from 'react'

export const FrameSizeContext = createContext<{ width: number; height: number }>({ width: 1920, height: 1080 })

export function FrameGuide() {
  const { width, height } = useContext(FrameSizeContext)
  return (
    <div
      aria-hidden
      data-testid="panel-frame-guide"
      style={{
        position: 'absolute', left: 0, top: 0, width, height, pointerEvents: 'none',
        // A thin outline that stays visible on light and dark drawings, and a soft shade outside the frame.
        outline: 'calc(2px / var(--tl-zoom, 1)) solid rgba(59, 130, 246, 0.9)',
        boxShadow: '0 0 0 100000px rgba(15, 23, 42, 0.06)',
      }}
    />
  )
}
