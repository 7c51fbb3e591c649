// How the player names a frame: SMPTE timecode from the clip's start timecode, or the plain frame number.
import { timecodeForFrame, type Rate } from '@/lib/timecode'

export type FrameLabelMode = 'timecode' | 'frames'

export interface FrameLabelClock {
  rate: Rate
  /** Label of frame 0, e.g. "01:00:00:00"; "00:00:00:00" when the project sets none. */
  startTimecode: string
}

/**
 * The timecode of a frame, or null when the rate cannot carry timecode (12.5 fps from an odd source) or the start
 * label is unreadable: the player then shows frame numbers rather than breaking.
 */
export function timecodeOrNull(frame: number, clock: FrameLabelClock): string | null {
  try {
    return timecodeForFrame(frame, clock)
  } catch {
    return null
  }
}

export function frameLabel(frame: number, clock: FrameLabelClock, mode: FrameLabelMode): string {
  if (mode === 'timecode') {
    const label = timecodeOrNull(frame, clock)
    if (label !== null) return label
  }
  return String(frame)
}
