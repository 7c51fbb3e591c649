'use client'
// Two versions side by side, frame-locked: play, pause, seek and step on either side drive the other by frame number,
// so versions at the same rate stay on the same frame. The side last used leads and owns the keyboard.
import { Link2, Link2Off } from 'lucide-react'
import { useEffect, useRef, useState } from 'react'
import { Button } from '@/components/ui/button'
import { cn } from '@/components/ui/cn'
import { ReviewPlayer, type ReviewPlayerHandle, type ReviewPlayerProps } from '@/components/review/player/review-player'

export type CompareSide = Pick<
  ReviewPlayerProps,
  'src' | 'poster' | 'rate' | 'startTimecode' | 'frameCount' | 'width' | 'height' | 'filmstrip' | 'markers' | 'annotations' | 'onMarkerClick'
> & {
  /** Short name shown over the picture and in the header, e.g. "v1". */
  label: string
}

export interface CompareViewProps {
  left: CompareSide
  right: CompareSide
  /** Start with playback locked together (default) or free. */
  initialSync?: boolean
  /** The leading side's frame, e.g. to keep a comment box's frame in step. */
  onFrameChange?: (frame: number, side: 'left' | 'right') => void
  className?: string
}

type Side = 'left' | 'right'

/** While playing, a follower more than this many frames off is put back in step; less is left to run (seeks stutter). */
const MAX_DRIFT_FRAMES = 2

export function CompareView({ left, right, initialSync = true, onFrameChange, className }: CompareViewProps) {
  const [sync, setSync] = useState(initialSync)
  const [leader, setLeader] = useState<Side>('left')
  const players = { left: useRef<ReviewPlayerHandle>(null), right: useRef<ReviewPlayerHandle>(null) }
  const state = useRef({ sync, leader })
  useEffect(() => {
    state.current = { sync, leader }
  })

  const other = (side: Side): Side => (side === 'left' ? 'right' : 'left')

  function follow(side: Side) {
    return {
      onSpeedChange(speed: number) {
        const { sync: locked, leader: lead } = state.current
        if (!locked || side !== lead) return
        const follower = players[other(side)].current
        if (!follower) return
        if (speed === 0) {
          follower.pause()
          follower.seekToFrame(players[side].current?.currentFrame() ?? 0)
        } else {
          follower.seekToFrame(players[side].current?.currentFrame() ?? 0)
          follower.play(speed)
        }
      },
      onFrameChange(frame: number) {
        const { sync: locked, leader: lead } = state.current
        if (side !== lead) return
        onFrameChange?.(frame, side)
        const leading = players[side].current
        const follower = players[other(side)].current
        if (!locked || !leading || !follower) return
        const drift = Math.abs(follower.currentFrame() - frame)
        if (leading.speed() === 0 ? drift > 0 : drift > MAX_DRIFT_FRAMES) follower.seekToFrame(frame)
      },
    }
  }

  function toggleSync() {
    const next = !sync
    setSync(next)
    if (!next) return
    // Locking again: the follower jumps to the leader's frame and takes its speed.
    const leading = players[leader].current
    const follower = players[other(leader)].current
    if (!leading || !follower) return
    follower.seekToFrame(leading.currentFrame())
    if (leading.speed() === 0) follower.pause()
    else follower.play(leading.speed())
  }

  const sides: [Side, CompareSide][] = [
    ['left', left],
    ['right', right],
  ]

  return (
    <div className={cn('flex flex-col gap-3', className)} data-sync={sync ? '' : undefined}>
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground">
          Comparing <span className="font-semibold text-foreground">{left.label}</span> with <span className="font-semibold text-foreground">{right.label}</span>
          <span className="hidden sm:inline"> · keys drive the highlighted side</span>
        </p>
        <Button type="button" size="sm" variant={sync ? 'secondary' : 'outline'} aria-pressed={sync} onClick={toggleSync}>
          {sync ? <Link2 /> : <Link2Off />}
          {sync ? 'Playback synced' : 'Playback independent'}
        </Button>
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        {sides.map(([side, props]) => {
          const { label, ...player } = props
          return (
            <div
              key={side}
              data-compare-side={side}
              data-leader={leader === side ? '' : undefined}
              onPointerDownCapture={() => setLeader(side)}
              onFocusCapture={() => setLeader(side)}
              className={cn('rounded-xl p-0.5 transition-colors', leader === side ? 'bg-primary/60' : 'bg-transparent')}
            >
              <ReviewPlayer
                {...player}
                ref={players[side]}
                badge={label}
                label={`Version ${label}`}
                keyboard={leader === side ? 'page' : 'focus'}
                {...follow(side)}
              />
            </div>
          )
        })}
      </div>
    </div>
  )
}
