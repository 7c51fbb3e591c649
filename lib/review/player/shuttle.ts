// J/K/L shuttle as editors know it from Avid, Premiere and Resolve, as a pure state machine the player drives.

/** Speeds L (forward) and J (reverse) step through on repeated presses. */
export const shuttleSpeeds = [1, 2, 4, 8] as const

export interface ShuttleState {
  /** Signed playback speed: 0 stopped, 1 normal forward, -2 double-speed reverse. May be fractional (speed menu). */
  speed: number
  /** K is held down: J and L then step one frame instead of playing. */
  kHeld: boolean
}

export type ShuttleInput =
  | { type: 'j' | 'l' | 'k-down' | 'k-up' | 'toggle' | 'stop' | 'blur' }
  /** The video started or stopped, or its rate changed, through something other than the shuttle (a button, the end). */
  | { type: 'external'; speed: number }

export interface ShuttleResult {
  state: ShuttleState
  /** Frames to step by, when the input was a K+J or K+L step. */
  step?: -1 | 1
}

export const stoppedShuttle: ShuttleState = { speed: 0, kHeld: false }

/** The next faster speed in one direction: from stopped or slower than 1×, 1×; then 2×, 4×, 8×, and 8× stays. */
function faster(currentMagnitude: number): number {
  return shuttleSpeeds.find((speed) => speed > currentMagnitude) ?? Math.max(...shuttleSpeeds)
}

export function shuttle(state: ShuttleState, input: ShuttleInput): ShuttleResult {
  switch (input.type) {
    case 'l':
      if (state.kHeld) return { state, step: 1 }
      // Pressing L while running in reverse turns round at 1×, like Avid and Resolve, instead of slowing the reverse.
      return { state: { ...state, speed: state.speed > 0 ? faster(state.speed) : 1 } }
    case 'j':
      if (state.kHeld) return { state, step: -1 }
      return { state: { ...state, speed: state.speed < 0 ? -faster(-state.speed) : -1 } }
    case 'k-down':
      return { state: { speed: 0, kHeld: true } }
    case 'k-up':
    case 'blur':
      // A K released while the window had no focus never arrives: losing focus lets go of it.
      return { state: { ...state, kHeld: false } }
    case 'toggle':
      return { state: { ...state, speed: state.speed === 0 ? 1 : 0 } }
    case 'stop':
      return { state: { ...state, speed: 0 } }
    case 'external':
      return { state: { ...state, speed: input.speed } }
  }
}

/**
 * Where reverse play has got to: browsers cannot play backwards (Chromium refuses a negative playbackRate), so the
 * player seeks back frame by frame, and this names the frame wall-clock time says should be on screen. Frames the
 * decoder cannot reach in time are skipped, as an NLE does at high shuttle speeds. It goes below 0 past the start, so
 * the caller can tell "reached the first frame" (stop or loop) from "still on it".
 */
export function reverseFrame(startFrame: number, speed: number, elapsedMs: number, fps: number): number {
  return startFrame - Math.floor((Math.abs(speed) * fps * Math.max(0, elapsedMs)) / 1000)
}
