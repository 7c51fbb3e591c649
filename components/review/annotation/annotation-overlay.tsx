'use client'
// The drawing layer over the video: shows the drawings of comments on the frame on screen and, while drawing, turns
// pointer strokes into normalised shapes. Sized to the picture inside the letterbox, never to the element box.
import { useEffect, useRef, useState } from 'react'
import type { AnnotationShape } from '@/lib/review/annotation'
import { addShape, finishShape, type AnnotationTool } from '@/lib/review/annotation-drawing'
import { containedRect, normalisePoint, showsOnFrame, type Point } from '@/lib/review/annotation-geometry'
import { cn } from '@/components/ui/cn'
import { AnnotationShapeView } from './annotation-shape-view'

export interface PlayerAnnotation {
  id: string
  frameIn: number
  /** Exclusive end, as comments store it; null shows the drawing on frameIn only. */
  frameOut: number | null
  shapes: AnnotationShape[]
}

/** A controlled drawing session: the page owns the shapes (to send with a comment) and the chosen tool and colour. */
export interface AnnotationDrawing {
  tool: AnnotationTool
  color: string
  shapes: AnnotationShape[]
  onShapesChange: (shapes: AnnotationShape[]) => void
  /** A stroke that would break the stored limits (too many shapes or points): the page shows it, e.g. as a toast. */
  onError?: (message: string) => void
}

export interface AnnotationOverlayProps {
  frame: number
  videoWidth: number
  videoHeight: number
  annotations: readonly PlayerAnnotation[]
  drawing: AnnotationDrawing | null
  /** Called as a stroke starts, so the player can stop: one draws on a still frame. */
  onDrawStart?: () => void
  className?: string
}

export function AnnotationOverlay({ frame, videoWidth, videoHeight, annotations, drawing, onDrawStart, className }: AnnotationOverlayProps) {
  const boxRef = useRef<SVGSVGElement>(null)
  const [box, setBox] = useState({ width: 0, height: 0 })
  const [draft, setDraft] = useState<Point[] | null>(null)

  useEffect(() => {
    const element = boxRef.current
    if (!element) return
    const observer = new ResizeObserver(([entry]) => {
      if (entry) setBox({ width: entry.contentRect.width, height: entry.contentRect.height })
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const picture = containedRect(box.width, box.height, videoWidth, videoHeight)
  const visible = annotations.filter((annotation) => showsOnFrame(annotation, frame))
  const draftShape = drawing && draft ? draftPreview(drawing.tool, drawing.color, draft) : null

  function pointAt(event: React.PointerEvent<SVGSVGElement>): Point {
    const rect = event.currentTarget.getBoundingClientRect()
    return normalisePoint(event.clientX - rect.left, event.clientY - rect.top, picture)
  }

  return (
    <svg
      ref={boxRef}
      data-testid="annotation-overlay"
      data-drawing={drawing ? drawing.tool : undefined}
      className={cn('absolute inset-0 size-full touch-none', drawing ? 'cursor-crosshair' : 'pointer-events-none', className)}
      onPointerDown={(event) => {
        if (!drawing || event.button !== 0) return
        event.currentTarget.setPointerCapture(event.pointerId)
        onDrawStart?.()
        setDraft([pointAt(event)])
      }}
      onPointerMove={(event) => {
        if (!drawing || !draft) return
        // Coalesced events keep fast strokes smooth where the browser batches pointer moves per animation frame.
        const events = event.nativeEvent.getCoalescedEvents?.() ?? [event.nativeEvent]
        const rect = event.currentTarget.getBoundingClientRect()
        const points = events.map((e) => normalisePoint(e.clientX - rect.left, e.clientY - rect.top, picture))
        setDraft((current) => (current ? [...current, ...points] : current))
      }}
      onPointerUp={(event) => {
        if (!drawing || !draft) return
        event.currentTarget.releasePointerCapture(event.pointerId)
        const shape = finishShape(drawing.tool, drawing.color, [...draft, pointAt(event)])
        setDraft(null)
        if (!shape) return
        const result = addShape(drawing.shapes, shape)
        if (result.ok) drawing.onShapesChange(result.shapes)
        else drawing.onError?.(result.message)
      }}
      onPointerCancel={() => setDraft(null)}
    >
      {visible.map((annotation) => (
        <g key={annotation.id} data-annotation-id={annotation.id}>
          {annotation.shapes.map((shape, index) => (
            <AnnotationShapeView key={index} shape={shape} picture={picture} />
          ))}
        </g>
      ))}
      {drawing ? (
        <g data-testid="annotation-draft">
          {drawing.shapes.map((shape, index) => (
            <AnnotationShapeView key={index} shape={shape} picture={picture} />
          ))}
          {draftShape ? <AnnotationShapeView shape={draftShape} picture={picture} /> : null}
        </g>
      ) : null}
    </svg>
  )
}

/** The shape a stroke in progress would make, drawn unsimplified so the line follows the pointer exactly. */
function draftPreview(tool: AnnotationTool, color: string, points: Point[]): AnnotationShape | null {
  if (points.length === 0) return null
  if (tool === 'freehand') return { tool, color, points: points.map(([x, y]) => [x, y]) }
  return { tool, color, points: [[...points[0]!], [...points[points.length - 1]!]] }
}
