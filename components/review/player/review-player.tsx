'use client'
// The frame-accurate review player: media-chrome controls over a plain <video>, a timeline with comment markers and
// filmstrip hover, J/K/L shuttle, frame steps, I/O loop, and the drawing layer. No data access: all through props.
import {
  MediaController,
  MediaControlBar,
  MediaFullscreenButton,
  MediaLoadingIndicator,
  MediaMuteButton,
  MediaPlayButton,
  MediaPlaybackRateButton,
  MediaVolumeRange,
} from 'media-chrome/react'
import type { MediaController as MediaControllerElement } from 'media-chrome'
import { Repeat, StepBack, StepForward } from 'lucide-react'
import { useCallback, useEffect, useId, useImperativeHandle, useMemo, useRef, useState, useSyncExternalStore, type Ref } from 'react'
import { cn } from '@/components/ui/cn'
import { AnnotationOverlay, type AnnotationDrawing, type PlayerAnnotation } from '@/components/review/annotation/annotation-overlay'
import { frameLabel, type FrameLabelMode } from '@/lib/review/player/frame-label'
import { noMarks, type FrameRange } from '@/lib/review/player/io-range'
import type { PlayerCommand } from '@/lib/review/player/player-keys'
import type { PlayerMarker } from '@/lib/review/player/timeline-markers'
import type { Rate } from '@/lib/timecode'
import { PlayerEngine, type PlayerSnapshot } from './player-engine'
import { PlayerTimeline, type PlayerFilmstrip } from './player-timeline'
import { usePlayerKeyboard, type PlayerKeyboardScope } from './use-player-keyboard'

export type { PlayerAnnotation, AnnotationDrawing } from '@/components/review/annotation/annotation-overlay'
export type { PlayerFilmstrip } from './player-timeline'
export type { PlayerMarker } from '@/lib/review/player/timeline-markers'
export type { FrameRange } from '@/lib/review/player/io-range'

export interface ReviewPlayerHandle {
  /** Shows frame `frame` (clamped to the clip). Playback, if running, carries on from there. */
  seekToFrame: (frame: number) => void
  /** The frame on screen now. */
  currentFrame: () => number
  play: (speed?: number) => void
  pause: () => void
  /** Signed shuttle speed now: 0 stopped, negative in reverse. */
  speed: () => number
  /** The in–out range now (out exclusive), or null. */
  range: () => FrameRange | null
}

export interface ReviewPlayerProps {
  /** The proxy's URL (H.264 with short GOPs, so frame seeks are quick). */
  src: string
  poster?: string | null
  /** The clip's exact rate, e.g. { numerator: 24000, denominator: 1001, dropFrame: false }. A FrameRate fits. */
  rate: Rate
  /** Label of frame 0; "00:00:00:00" by default. Drop-frame labels use ";". */
  startTimecode?: string
  frameCount: number
  /** The picture's size, when known, so the layout does not jump once the video loads. */
  width?: number | null
  height?: number | null
  filmstrip?: PlayerFilmstrip | null
  markers?: readonly PlayerMarker[]
  /** Drawings of comments; each shows while the frame on screen is inside its range. */
  annotations?: readonly PlayerAnnotation[]
  /** When set, pointer input on the picture draws (see AnnotationDrawing); null or undefined to watch. */
  drawing?: AnnotationDrawing | null
  onFrameChange?: (frame: number) => void
  onMarkerClick?: (id: string) => void
  /** The in–out range changed: `out` is exclusive like a comment's frameOut; null when both marks are cleared. */
  onRangeChange?: (range: FrameRange | null) => void
  /** Play state changed: signed speed, 0 when stopped. */
  onSpeedChange?: (speed: number) => void
  /** Where the keyboard works: see PlayerKeyboardScope. 'page' by default. */
  keyboard?: PlayerKeyboardScope
  /** Name for assistive technology and for telling two players apart ("Version 3"). */
  label?: string
  /** Shown top-left over the picture, e.g. "v3" in a comparison. */
  badge?: string
  initialFrame?: number
  className?: string
  ref?: Ref<ReviewPlayerHandle>
}

const PLAYBACK_RATES = [0.25, 0.5, 1, 1.5, 2]

function speedLabel(speed: number): string | null {
  if (speed === 0 || speed === 1) return null
  return `${speed < 0 ? '◀◀' : '▶▶'} ${Math.abs(speed)}×`
}

export function ReviewPlayer({
  src,
  poster,
  rate,
  startTimecode = '00:00:00:00',
  frameCount,
  width,
  height,
  filmstrip = null,
  markers = [],
  annotations = [],
  drawing = null,
  onFrameChange,
  onMarkerClick,
  onRangeChange,
  onSpeedChange,
  keyboard = 'page',
  label = 'Review player',
  badge,
  initialFrame = 0,
  className,
  ref,
}: ReviewPlayerProps) {
  const controllerId = `review-player-${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`
  const rootRef = useRef<HTMLDivElement>(null)
  const videoRef = useRef<HTMLVideoElement>(null)
  const controllerRef = useRef<MediaControllerElement>(null)
  const [engine] = useState(() => new PlayerEngine({ rate, frameCount }))
  const snapshot: PlayerSnapshot = useSyncExternalStore(engine.subscribe, engine.getSnapshot, engine.getSnapshot)
  const [labelMode, setLabelMode] = useState<FrameLabelMode>('timecode')
  const [videoSize, setVideoSize] = useState({ width: width ?? 0, height: height ?? 0 })
  const [fullscreen, setFullscreen] = useState(false)
  // A paused <video> keeps painting its poster until it plays or seeks, while the player already names frame 0: the
  // poster (taken later in the clip) would sit under a timecode it is not. Drop it once the first frame is decoded.
  const [decodedSrc, setDecodedSrc] = useState<string | null>(null)

  useEffect(() => engine.configure({ rate, frameCount }), [engine, rate, frameCount])

  useEffect(() => {
    const video = videoRef.current
    if (!video) return
    const detach = engine.attach(video)
    if (initialFrame > 0) engine.seekToFrame(initialFrame)
    return detach
    // initialFrame only applies to the first load of a source.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [engine, src])

  useEffect(() => {
    // media-chrome's fullscreen button enlarges its controller; we want the timeline and controls in there too.
    if (controllerRef.current && rootRef.current) controllerRef.current.fullscreenElement = rootRef.current
    const onChange = () => setFullscreen(document.fullscreenElement === rootRef.current)
    document.addEventListener('fullscreenchange', onChange)
    return () => document.removeEventListener('fullscreenchange', onChange)
  }, [])

  // Callbacks fire from effects so a parent's setState never runs inside the engine's own update.
  const callbacks = useRef({ onFrameChange, onRangeChange, onSpeedChange })
  useEffect(() => {
    callbacks.current = { onFrameChange, onRangeChange, onSpeedChange }
  })
  useEffect(() => callbacks.current.onFrameChange?.(snapshot.frame), [snapshot.frame])
  useEffect(() => callbacks.current.onSpeedChange?.(snapshot.speed), [snapshot.speed])
  const firstRange = useRef(true)
  useEffect(() => {
    if (firstRange.current) {
      firstRange.current = false
      return
    }
    callbacks.current.onRangeChange?.(snapshot.range)
  }, [snapshot.range])

  useImperativeHandle(
    ref,
    () => ({
      seekToFrame: (frame) => engine.seekToFrame(frame),
      currentFrame: () => engine.currentFrame(),
      play: (speed = 1) => engine.play(speed),
      pause: () => engine.pause(),
      speed: () => engine.getSnapshot().speed,
      range: () => engine.getSnapshot().range,
    }),
    [engine],
  )

  const toggleFullscreen = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen()
    else void rootRef.current?.requestFullscreen().catch(() => undefined)
  }, [])

  const onCommand = useCallback(
    (command: PlayerCommand) => {
      switch (command.type) {
        case 'toggle-play':
          return engine.input({ type: 'toggle' })
        case 'shuttle':
          return engine.input({ type: command.key })
        case 'step':
          return engine.step(command.frames)
        case 'first-frame':
          return engine.firstFrame()
        case 'last-frame':
          return engine.lastFrame()
        case 'mark-in':
          return engine.markIn()
        case 'mark-out':
          return engine.markOut()
        case 'clear-in':
          return engine.setMarks({ ...engine.getSnapshot().marks, in: null })
        case 'clear-out':
          return engine.setMarks({ ...engine.getSnapshot().marks, out: null })
        case 'clear-marks':
          return engine.setMarks(noMarks)
        case 'toggle-loop':
          return engine.setLoop(!engine.getSnapshot().loop)
        case 'toggle-mute':
          if (videoRef.current) videoRef.current.muted = !videoRef.current.muted
          return
        case 'toggle-fullscreen':
          return toggleFullscreen()
      }
    },
    [engine, toggleFullscreen],
  )
  usePlayerKeyboard(rootRef, keyboard, onCommand, () => engine.input({ type: 'k-up' }))

  const clock = useMemo(() => ({ rate, startTimecode }), [rate, startTimecode])
  const labelFor = useCallback((frame: number) => frameLabel(frame, clock, labelMode), [clock, labelMode])
  const otherLabel = frameLabel(snapshot.frame, clock, labelMode === 'timecode' ? 'frames' : 'timecode')
  const aspect = videoSize.width > 0 && videoSize.height > 0 ? `${videoSize.width} / ${videoSize.height}` : '16 / 9'
  const shuttleText = speedLabel(snapshot.speed)
  const { marks } = snapshot

  return (
    <div
      ref={rootRef}
      tabIndex={-1}
      role="region"
      aria-label={label}
      data-frame={snapshot.frame}
      data-speed={snapshot.speed}
      data-loop={snapshot.loop ? '' : undefined}
      data-range={snapshot.range ? `${snapshot.range.in}-${snapshot.range.out}` : undefined}
      className={cn(
        'review-player flex flex-col overflow-hidden rounded-lg border border-border bg-black text-white outline-none focus-visible:ring-2 focus-visible:ring-ring',
        fullscreen && 'rounded-none border-0',
        className,
      )}
      style={
        {
          '--media-control-background': 'transparent',
          '--media-control-hover-background': 'rgb(255 255 255 / 0.08)',
          '--media-primary-color': 'rgb(255 255 255 / 0.92)',
          '--media-range-track-background': 'rgb(255 255 255 / 0.2)',
          '--media-range-bar-color': 'var(--color-primary)',
          '--media-button-icon-width': '20px',
          '--media-control-height': '20px',
          '--media-font-family': 'var(--font-sans)',
          '--media-text-color': 'rgb(255 255 255 / 0.85)',
        } as React.CSSProperties
      }
      onPointerDown={(event) => {
        // Clicking anywhere in the player gives it the keyboard, without stealing focus from its own controls.
        if (event.target === event.currentTarget || !(event.target as Element).closest('button, [tabindex], media-volume-range')) {
          rootRef.current?.focus({ preventScroll: true })
        }
      }}
    >
      <div className={cn('relative w-full', fullscreen ? 'min-h-0 flex-1' : 'max-h-[72vh]')} style={fullscreen ? undefined : { aspectRatio: aspect }}>
        <MediaController ref={controllerRef} id={controllerId} noHotkeys className="absolute inset-0 block size-full" style={{ '--media-background-color': 'black' } as React.CSSProperties}>
          <video
            ref={videoRef}
            slot="media"
            src={src}
            poster={decodedSrc === src ? undefined : (poster ?? undefined)}
            preload="auto"
            playsInline
            className="object-contain"
            onLoadedData={() => setDecodedSrc(src)}
            onLoadedMetadata={(event) => {
              const video = event.currentTarget
              setVideoSize({ width: video.videoWidth, height: video.videoHeight })
            }}
          />
          <MediaLoadingIndicator slot="centered-chrome" noAutohide />
        </MediaController>
        <AnnotationOverlay
          frame={snapshot.frame}
          videoWidth={videoSize.width}
          videoHeight={videoSize.height}
          annotations={annotations}
          drawing={drawing}
          onDrawStart={() => engine.pause()}
        />
        <div className="pointer-events-none absolute top-2 left-2 flex gap-1.5">
          {badge ? <span className="rounded bg-black/70 px-2 py-0.5 text-xs font-semibold">{badge}</span> : null}
          {shuttleText ? (
            <span data-testid="player-shuttle" className="rounded bg-black/70 px-2 py-0.5 font-mono text-xs tabular-nums">
              {shuttleText}
            </span>
          ) : null}
          {snapshot.loop ? <span className="rounded bg-primary/80 px-2 py-0.5 text-xs font-medium">Loop</span> : null}
        </div>
      </div>
      {/* A container, so a player squeezed into half a comparison drops its least-needed controls. */}
      <div className="@container border-t border-white/10 bg-neutral-950">
        <PlayerTimeline
          frameCount={frameCount}
          frame={snapshot.frame}
          range={snapshot.range}
          markers={markers}
          filmstrip={filmstrip}
          labelFor={labelFor}
          onSeek={(frame) => engine.seekToFrame(frame)}
          onMarkerClick={(marker) => {
            engine.pause()
            engine.seekToFrame(marker.frameIn)
            onMarkerClick?.(marker.id)
          }}
        />
        {/* Outside the controller so the controls sit under the picture; the mediacontroller attribute links them (the
            React wrapper passes unknown props through as attributes, its types just do not list this one). */}
        <MediaControlBar {...({ mediacontroller: controllerId } as object)} className="flex w-full items-center gap-0.5 px-1.5 pb-1.5">
          <ControlButton label="Previous frame (←)" onClick={() => engine.step(-1)}>
            <StepBack />
          </ControlButton>
          <MediaPlayButton className="shrink-0 rounded-md p-2" />
          <ControlButton label="Next frame (→)" onClick={() => engine.step(1)}>
            <StepForward />
          </ControlButton>
          <button
            type="button"
            onClick={() => setLabelMode((mode) => (mode === 'timecode' ? 'frames' : 'timecode'))}
            title={labelMode === 'timecode' ? 'Show frame numbers' : 'Show timecode'}
            className="ml-1 flex shrink-0 items-baseline gap-2 rounded-md px-2 py-1 font-mono whitespace-nowrap tabular-nums hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-ring"
          >
            <span data-testid="player-timecode" className="text-sm text-white">
              {labelFor(snapshot.frame)}
            </span>
            <span className="hidden text-[11px] text-white/50 @lg:inline">{labelMode === 'timecode' ? `frame ${otherLabel}` : otherLabel}</span>
          </button>
          <div className="flex-1" />
          <ControlButton label="Mark in (I)" pressed={marks.in !== null} onClick={() => engine.markIn()}>
            <span className="text-xs font-semibold">In</span>
          </ControlButton>
          <ControlButton label="Mark out (O)" pressed={marks.out !== null} onClick={() => engine.markOut()}>
            <span className="text-xs font-semibold">Out</span>
          </ControlButton>
          <ControlButton label="Loop in–out (P)" pressed={snapshot.loop} onClick={() => engine.setLoop(!snapshot.loop)}>
            <Repeat />
          </ControlButton>
          <MediaPlaybackRateButton rates={PLAYBACK_RATES} className="shrink-0 rounded-md px-2 py-1 text-xs" />
          <MediaMuteButton className="shrink-0 rounded-md p-2" />
          <MediaVolumeRange className="hidden w-20 shrink-0 rounded-md @xl:block" />
          <MediaFullscreenButton className="shrink-0 rounded-md p-2" />
        </MediaControlBar>
      </div>
    </div>
  )
}

function ControlButton({ label, pressed, onClick, children }: { label: string; pressed?: boolean; onClick: () => void; children: React.ReactNode }) {
  return (
    <button
      type="button"
      aria-label={label}
      title={label}
      aria-pressed={pressed}
      onClick={onClick}
      className={cn(
        'flex size-9 shrink-0 items-center justify-center rounded-md text-white/85 hover:bg-white/10 focus-visible:outline-2 focus-visible:outline-ring [&_svg]:size-[18px]',
        pressed && 'bg-primary/30 text-white',
      )}
    >
      {children}
    </button>
  )
}
