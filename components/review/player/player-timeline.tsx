'use client'
// The review timeline: a frame-exact scrub bar with comment markers, the in–out range and a filmstrip preview on hover.
import { useRef, useState } from 'react'
import { cn } from '@/components/ui/cn'
import { filmstripTileForFrame, type FilmstripLayout } from '@/lib/review/player/filmstrip-tile'
import { frameAtFraction, fractionOfFrame, lastFrame } from '@/lib/review/player/frame-math'
import type { FrameRange } from '@/lib/review/player/io-range'
import { placeMarkers, type PlayerMarker } from '@/lib/review/player/timeline-markers'

export interface PlayerFilmstrip {
  url: string
  layout: FilmstripLayout
}

export interface PlayerTimelineProps {
  frameCount: number
  frame: number
  range: FrameRange | null
  markers: readonly PlayerMarker[]
  filmstrip: PlayerFilmstrip | null
  labelFor: (frame: number) => string
  onSeek: (frame: number) => void
  onMarkerClick: (marker: PlayerMarker) => void
}

const DEFAULT_MARKER_COLOR = 'var(--color-warning)'
const PREVIEW_WIDTH = 160
const LANE_HEIGHT = 5

function percent(fraction: number): string {
  return `${(fraction * 100).toFixed(4)}%`
}

export function PlayerTimeline({ frameCount, frame, range, markers, filmstrip, labelFor, onSeek, onMarkerClick }: PlayerTimelineProps) {
  const trackRef = useRef<HTMLDivElement>(null)
  const [hover, setHover] = useState<{ frame: number; fraction: number } | null>(null)
  const dragging = useRef(false)
  const placed = placeMarkers(markers, frameCount)
  const lanes = Math.max(1, ...placed.filter((m) => m.frameOut !== null).map((m) => m.lane + 1))

  function frameAtPointer(clientX: number) {
    const rect = trackRef.current?.getBoundingClientRect()
    if (!rect || rect.width === 0) return null
    const fraction = Math.min(1, Math.max(0, (clientX - rect.left) / rect.width))
    return { frame: frameAtFraction(fraction, frameCount), fraction }
  }

  const tile = hover && filmstrip ? filmstripTileForFrame(filmstrip.layout, hover.frame) : null
  const previewScale = filmstrip ? PREVIEW_WIDTH / filmstrip.layout.tileWidth : 1

  return (
    <div className="relative px-3 pt-1 pb-1.5">
      {/* Markers sit in lanes above the track so overlapping ranges stay visible; points are pins. */}
      <div className="relative" style={{ height: lanes * (LANE_HEIGHT + 2) + 8 }}>
        {placed.map((marker) => {
          const color = marker.color ?? DEFAULT_MARKER_COLOR
          const isRange = marker.frameOut !== null
          const title = `${marker.label} · ${labelFor(marker.frameIn)}`
          return (
            <button
              key={marker.id}
              type="button"
              data-marker-id={marker.id}
              aria-label={title}
              title={title}
              onClick={() => onMarkerClick(marker)}
              className={cn(
                'absolute cursor-pointer rounded-full transition-opacity hover:opacity-100 focus-visible:outline-2 focus-visible:outline-ring',
                marker.resolved ? 'opacity-35' : 'opacity-90',
              )}
              style={
                isRange
                  ? { left: percent(marker.left), width: `max(${percent(marker.width)}, 4px)`, bottom: marker.lane * (LANE_HEIGHT + 2), height: LANE_HEIGHT, background: color }
                  : { left: `calc(${percent(marker.left)} - 4px)`, bottom: 0, width: 8, height: 8, background: color, boxShadow: '0 0 0 1.5px rgb(0 0 0 / 0.6)' }
              }
            />
          )
        })}
      </div>
      <div
        ref={trackRef}
        role="slider"
        tabIndex={0}
        data-player-timeline=""
        aria-label="Timeline"
        aria-valuemin={0}
        aria-valuemax={lastFrame(frameCount)}
        aria-valuenow={frame}
        aria-valuetext={labelFor(frame)}
        className="group/track relative mt-1 h-3 cursor-pointer touch-none rounded-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
        onPointerDown={(event) => {
          if (event.button !== 0) return
          const at = frameAtPointer(event.clientX)
          if (!at) return
          event.currentTarget.setPointerCapture(event.pointerId)
          dragging.current = true
          onSeek(at.frame)
        }}
        onPointerMove={(event) => {
          const at = frameAtPointer(event.clientX)
          setHover(at)
          if (dragging.current && at) onSeek(at.frame)
        }}
        onPointerUp={(event) => {
          dragging.current = false
          event.currentTarget.releasePointerCapture(event.pointerId)
        }}
        onPointerLeave={() => {
          if (!dragging.current) setHover(null)
        }}
      >
        <div className="absolute inset-x-0 top-1/2 h-1 -translate-y-1/2 rounded-full bg-white/15 transition-[height] group-hover/track:h-1.5" />
        {range ? (
          <div
            data-testid="player-range"
            className="absolute top-0 bottom-0 rounded-sm border-x-2 border-primary bg-primary/30"
            style={{ left: percent(fractionOfFrame(range.in, frameCount)), width: percent(fractionOfFrame(range.out - range.in, frameCount)) }}
          />
        ) : null}
        <div
          className="absolute top-1/2 left-0 h-1 -translate-y-1/2 rounded-full bg-primary/80 transition-[height] group-hover/track:h-1.5"
          style={{ width: percent(fractionOfFrame(frame + 0.5, frameCount)) }}
        />
        <div
          className="pointer-events-none absolute -top-1 -bottom-1 w-0.5 -translate-x-1/2 rounded-full bg-white shadow"
          style={{ left: percent(fractionOfFrame(frame + 0.5, frameCount)) }}
        />
        {hover ? (
          <div
            className="pointer-events-none absolute bottom-full z-10 mb-3 flex -translate-x-1/2 flex-col items-center gap-1"
            style={{ left: `clamp(${(tile ? PREVIEW_WIDTH : 80) / 2}px, ${percent(hover.fraction)}, calc(100% - ${(tile ? PREVIEW_WIDTH : 80) / 2}px))` }}
          >
            {tile && filmstrip ? (
              <div
                data-testid="filmstrip-preview"
                className="overflow-hidden rounded-md border border-white/20 bg-black shadow-lg"
                style={{
                  width: PREVIEW_WIDTH,
                  height: filmstrip.layout.tileHeight * previewScale,
                  backgroundImage: `url(${JSON.stringify(filmstrip.url)})`,
                  backgroundSize: `${filmstrip.layout.columns * filmstrip.layout.tileWidth * previewScale}px auto`,
                  backgroundPosition: `-${tile.x * previewScale}px -${tile.y * previewScale}px`,
                }}
              />
            ) : null}
            <span data-testid="timeline-hover-label" className="rounded bg-black/85 px-1.5 py-0.5 font-mono text-[11px] text-white tabular-nums">
              {labelFor(hover.frame)}
            </span>
          </div>
        ) : null}
      </div>
    </div>
  )
}
