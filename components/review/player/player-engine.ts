// Drives one <video> frame by frame: knows which frame is on screen, seeks by frame, shuttles (including the reverse
// play browsers lack), keeps I/O marks and loops them. Plain TypeScript over the DOM so the React component stays a
// view and the rules stay in lib/review/player, where they are tested.
import { clampFrame, frameForMediaTime, lastFrame, seekTimeForFrame, stepFrame } from '@/lib/review/player/frame-math'
import { loopJump, markIn, markOut, noMarks, rangeOfMarks, type FrameRange, type IoMarks } from '@/lib/review/player/io-range'
import { reverseFrame, shuttle, stoppedShuttle, type ShuttleInput, type ShuttleState } from '@/lib/review/player/shuttle'
import type { Rate } from '@/lib/timecode'

export interface PlayerSnapshot {
  /** The frame on screen (from requestVideoFrameCallback when the browser has it). */
  frame: number
  /** Signed shuttle speed: 0 stopped, negative in reverse. */
  speed: number
  marks: IoMarks
  range: FrameRange | null
  loop: boolean
}

export interface PlayerEngineOptions {
  rate: Pick<Rate, 'numerator' | 'denominator'>
  frameCount: number
}

type Listener = () => void

export class PlayerEngine {
  private video: HTMLVideoElement | null = null
  private options: PlayerEngineOptions
  private snapshot: PlayerSnapshot = { frame: 0, speed: 0, marks: noMarks, range: null, loop: false }
  private shuttleState: ShuttleState = stoppedShuttle
  private listeners = new Set<Listener>()
  /** The frame the last seek asked for; steps count from it while a seek is still on its way. */
  private requestedFrame = 0
  /** A seek asked for while another was running; applied when that one lands, so scrubbing never queues up. */
  private queuedFrame: number | null = null
  /**
   * Our seek is on its way until its 'seeked' event has run. video.seeking alone is not enough: the element clears it
   * before the event is dispatched, and a key press handled in between would step from the frame before the seek.
   */
  private seekInFlight = false
  private reverse: { startFrame: number; startedAt: number; handle: number } | null = null
  private detach: (() => void) | null = null

  constructor(options: PlayerEngineOptions) {
    this.options = options
  }

  configure(options: PlayerEngineOptions) {
    this.options = options
    this.update({ range: rangeOfMarks(this.snapshot.marks, options.frameCount) })
  }

  subscribe = (listener: Listener) => {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  getSnapshot = () => this.snapshot

  private update(patch: Partial<PlayerSnapshot>) {
    const next = { ...this.snapshot, ...patch }
    const changed = (Object.keys(patch) as (keyof PlayerSnapshot)[]).some((key) => next[key] !== this.snapshot[key])
    if (!changed) return
    this.snapshot = next
    for (const listener of this.listeners) listener()
  }

  /** Starts following a video element; returns the function that stops. */
  attach(video: HTMLVideoElement): () => void {
    this.detach?.()
    this.video = video
    this.seekInFlight = false
    this.queuedFrame = null
    const stopClock = this.watchFrames(video)
    const onPlay = () => {
      // Started by something other than the shuttle (the play button, a click on the picture): follow it.
      if (this.shuttleState.speed <= 0) this.applyShuttle({ type: 'external', speed: video.playbackRate })
    }
    const onPause = () => {
      // Paused by something other than the shuttle (the pause button, a click on the picture): follow it.
      if (this.shuttleState.speed > 0) this.applyShuttle({ type: 'external', speed: 0 })
    }
    const onRateChange = () => {
      if (this.shuttleState.speed > 0 && video.playbackRate !== this.shuttleState.speed) {
        this.applyShuttle({ type: 'external', speed: video.playbackRate })
      }
    }
    const onSeeked = () => {
      this.seekInFlight = false
      if (this.queuedFrame !== null) {
        const frame = this.queuedFrame
        this.queuedFrame = null
        this.seekVideo(frame)
        return
      }
      if (video.paused) this.reportFromCurrentTime()
    }
    const onEnded = () => {
      if (this.snapshot.loop && this.shuttleState.speed > 0) {
        this.seekToFrame(this.snapshot.range?.in ?? 0)
        void this.playVideo(this.shuttleState.speed)
      } else {
        this.applyShuttle({ type: 'stop' })
      }
    }
    const onBlur = () => this.applyShuttle({ type: 'blur' })
    video.addEventListener('play', onPlay)
    video.addEventListener('pause', onPause)
    video.addEventListener('ratechange', onRateChange)
    video.addEventListener('seeked', onSeeked)
    video.addEventListener('ended', onEnded)
    window.addEventListener('blur', onBlur)
    this.detach = () => {
      stopClock()
      this.stopReverse()
      video.removeEventListener('play', onPlay)
      video.removeEventListener('pause', onPause)
      video.removeEventListener('ratechange', onRateChange)
      video.removeEventListener('seeked', onSeeked)
      video.removeEventListener('ended', onEnded)
      window.removeEventListener('blur', onBlur)
      this.video = null
      this.detach = null
    }
    return this.detach
  }

  /**
   * The displayed frame comes from requestVideoFrameCallback: its mediaTime is the presentation time of the frame the
   * compositor shows, where currentTime runs ahead of the picture. Browsers without it fall back to currentTime.
   */
  private watchFrames(video: HTMLVideoElement): () => void {
    if (typeof video.requestVideoFrameCallback === 'function') {
      let handle = 0
      const onFrame: VideoFrameRequestCallback = (_now, metadata) => {
        this.reportFrame(frameForMediaTime(metadata.mediaTime, this.options.rate, this.options.frameCount))
        handle = video.requestVideoFrameCallback(onFrame)
      }
      handle = video.requestVideoFrameCallback(onFrame)
      return () => video.cancelVideoFrameCallback(handle)
    }
    let handle = 0
    const tick = () => {
      if (!video.paused) this.reportFromCurrentTime()
      handle = requestAnimationFrame(tick)
    }
    handle = requestAnimationFrame(tick)
    return () => cancelAnimationFrame(handle)
  }

  private reportFromCurrentTime() {
    const video = this.video
    if (!video || video.seeking) return
    this.reportFrame(frameForMediaTime(video.currentTime, this.options.rate, this.options.frameCount))
  }

  private reportFrame(frame: number) {
    this.update({ frame })
    if (this.shuttleState.speed > 0 && this.snapshot.loop) {
      const jump = loopJump(frame, this.shuttleState.speed, this.snapshot.range, this.options.frameCount)
      if (jump !== null) this.seekToFrame(jump)
    }
  }

  private seekVideo(frame: number) {
    const video = this.video
    this.requestedFrame = frame
    if (!video) return
    if (video.seeking || this.seekInFlight) {
      this.queuedFrame = frame
      return
    }
    this.seekInFlight = true
    video.currentTime = seekTimeForFrame(frame, this.options.rate)
  }

  /** Shows frame `frame` (clamped to the clip); playback, if any, carries on from there. */
  seekToFrame(frame: number) {
    this.seekVideo(clampFrame(frame, this.options.frameCount))
  }

  /** The frame a step counts from: the one asked for while a seek is on its way, else the one on screen. */
  private stepBase(): number {
    const video = this.video
    return video && (video.seeking || this.seekInFlight || this.queuedFrame !== null) ? this.requestedFrame : this.snapshot.frame
  }

  step(frames: number) {
    this.applyShuttle({ type: 'stop' })
    this.seekToFrame(stepFrame(this.stepBase(), frames, this.options.frameCount))
  }

  firstFrame() {
    this.applyShuttle({ type: 'stop' })
    this.seekToFrame(0)
  }

  lastFrame() {
    this.applyShuttle({ type: 'stop' })
    this.seekToFrame(lastFrame(this.options.frameCount))
  }

  play(speed = 1) {
    this.applyShuttle({ type: 'external', speed })
  }

  pause() {
    this.applyShuttle({ type: 'stop' })
  }

  input(input: ShuttleInput) {
    this.applyShuttle(input)
  }

  private applyShuttle(input: ShuttleInput) {
    const before = this.shuttleState.speed
    const result = shuttle(this.shuttleState, input)
    this.shuttleState = result.state
    const speed = result.state.speed
    this.update({ speed })
    if (result.step) this.seekToFrame(stepFrame(this.stepBase(), result.step, this.options.frameCount))
    if (speed === before && input.type !== 'external') return
    if (speed > 0) {
      this.stopReverse()
      void this.playVideo(speed)
    } else if (speed < 0) {
      this.video?.pause()
      this.startReverse(speed, before < 0)
    } else {
      this.stopReverse()
      const video = this.video
      if (video && before > 0) {
        if (!video.paused) video.pause()
        // Settle on a whole frame: re-aim at the middle of the frame playback stopped in, so the picture,
        // currentTime and the reported frame agree (a paused element can still show the frame before its
        // currentTime). Done here, synchronously, so a seek the caller makes next wins over it.
        if (!video.seeking && !this.seekInFlight) this.seekToFrame(frameForMediaTime(video.currentTime, this.options.rate, this.options.frameCount))
      }
    }
  }

  private async playVideo(speed: number) {
    const video = this.video
    if (!video) return
    video.playbackRate = speed
    if (this.snapshot.loop) {
      const jump = loopJump(this.snapshot.frame, speed, this.snapshot.range, this.options.frameCount)
      if (jump !== null) this.seekToFrame(jump)
    }
    if (!video.paused) return
    try {
      await video.play()
    } catch {
      // Refused (autoplay policy) or interrupted by a pause: the shuttle must not claim to be playing.
      if (video.paused && this.shuttleState.speed > 0) this.applyShuttle({ type: 'stop' })
    }
  }

  private fps(): number {
    return this.options.rate.numerator / this.options.rate.denominator
  }

  /**
   * Reverse play: seek back frame by frame on animation frames, to where wall-clock time says we should be. A seek
   * is only issued once the previous one has landed, so the decoder is never flooded and skips frames instead.
   */
  private startReverse(speed: number, continuing: boolean) {
    const now = performance.now()
    if (this.reverse && continuing) {
      // Changing speed mid-reverse: restart the clock from where we are so the picture does not jump.
      this.reverse.startFrame = this.stepBase()
      this.reverse.startedAt = now
      return
    }
    this.stopReverse()
    let startFrame = this.snapshot.frame
    if (this.snapshot.loop) startFrame = loopJump(startFrame, speed, this.snapshot.range, this.options.frameCount) ?? startFrame
    const tick = (time: number) => {
      const reverse = this.reverse
      const video = this.video
      if (!reverse || !video) return
      reverse.handle = requestAnimationFrame(tick)
      if (video.seeking || this.seekInFlight) return
      let target = reverseFrame(reverse.startFrame, this.shuttleState.speed, time - reverse.startedAt, this.fps())
      const start = this.snapshot.loop ? (this.snapshot.range?.in ?? 0) : 0
      if (target < start) {
        if (this.snapshot.loop) {
          target = loopJump(target, -1, this.snapshot.range, this.options.frameCount) ?? start
          reverse.startFrame = target
          reverse.startedAt = time
        } else {
          this.seekToFrame(0)
          this.applyShuttle({ type: 'stop' })
          return
        }
      }
      if (target !== this.requestedFrame) this.seekToFrame(target)
    }
    this.reverse = { startFrame, startedAt: now, handle: requestAnimationFrame(tick) }
  }

  private stopReverse() {
    if (this.reverse) cancelAnimationFrame(this.reverse.handle)
    this.reverse = null
  }

  markIn() {
    this.setMarks(markIn(this.snapshot.marks, this.snapshot.frame))
  }

  markOut() {
    this.setMarks(markOut(this.snapshot.marks, this.snapshot.frame))
  }

  setMarks(marks: IoMarks) {
    this.update({ marks, range: rangeOfMarks(marks, this.options.frameCount) })
  }

  setLoop(loop: boolean) {
    this.update({ loop })
  }

  currentFrame(): number {
    return this.snapshot.frame
  }
}
