import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { frameRateById } from '@/lib/frame-rates'
import { timeOfFrame } from '@/lib/timecode'
import { PlayerEngine } from './player-engine'

/**
 * A stand-in for the browser's <video>, with the behaviour the engine relies on: setting currentTime starts a seek
 * that lands when the test says so (then the frame is presented and 'seeked' fires), play/pause fire their events.
 * The browser itself is exercised by the Playwright spec; this pins the engine's decisions.
 */
class FakeVideo extends EventTarget {
  paused = true
  seeking = false
  playbackRate = 1
  seeks: number[] = []
  private time = 0
  private frameCallbacks = new Map<number, VideoFrameRequestCallback>()
  private nextId = 1

  constructor(private rate: { numerator: number; denominator: number }) {
    super()
  }

  get currentTime() {
    return this.time
  }

  set currentTime(value: number) {
    this.time = value
    this.seeking = true
    this.seeks.push(value)
  }

  play() {
    this.paused = false
    this.dispatchEvent(new Event('play'))
    return Promise.resolve()
  }

  pause() {
    this.paused = true
    this.dispatchEvent(new Event('pause'))
  }

  requestVideoFrameCallback(callback: VideoFrameRequestCallback) {
    const id = this.nextId++
    this.frameCallbacks.set(id, callback)
    return id
  }

  cancelVideoFrameCallback(id: number) {
    this.frameCallbacks.delete(id)
  }

  /** The compositor shows `frame`: rVFC callbacks get its start as mediaTime, as Chrome reports it (whole µs). */
  present(frame: number) {
    const mediaTime = Math.floor(timeOfFrame(frame, this.rate) * 1e6) / 1e6
    const callbacks = [...this.frameCallbacks.values()]
    this.frameCallbacks.clear()
    for (const callback of callbacks) callback(0, { mediaTime } as VideoFrameCallbackMetadata)
  }

  /** The running seek lands on the frame its time falls in. */
  land() {
    this.seeking = false
    this.present(Math.floor((this.time * this.rate.numerator) / this.rate.denominator))
    this.dispatchEvent(new Event('seeked'))
  }

  /** Plays on to `frame` (as if time passed). */
  playTo(frame: number) {
    this.time = timeOfFrame(frame + 0.5, this.rate)
    this.present(frame)
  }
}

const ntsc = frameRateById('29.97')
const film = frameRateById('23.976')

let animationFrames: FrameRequestCallback[] = []
let now = 0

beforeEach(() => {
  animationFrames = []
  now = 0
  vi.stubGlobal('window', new EventTarget())
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => animationFrames.push(callback))
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
  vi.spyOn(performance, 'now').mockImplementation(() => now)
})

afterEach(() => {
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

function runAnimationFrame(at: number) {
  now = at
  const callbacks = animationFrames
  animationFrames = []
  for (const callback of callbacks) callback(at)
}

function setup(rate = ntsc, frameCount = 240) {
  const video = new FakeVideo(rate)
  const engine = new PlayerEngine({ rate, frameCount })
  engine.attach(video as unknown as HTMLVideoElement)
  return { video, engine }
}

describe('PlayerEngine seeking', () => {
  it('aims at the middle of the frame and reports the frame once it is on screen', () => {
    const { video, engine } = setup()
    engine.seekToFrame(48)
    expect(video.currentTime).toBeCloseTo(timeOfFrame(48.5, ntsc), 12)
    expect(engine.currentFrame()).toBe(0) // not on screen yet
    video.land()
    expect(engine.currentFrame()).toBe(48)
  })

  it('queues steps made while a seek is running: five quick steps land five frames on, one seek at a time', () => {
    const { video, engine } = setup(film)
    engine.seekToFrame(10)
    video.land()
    video.seeks = []
    for (let i = 0; i < 5; i++) engine.step(1)
    expect(video.seeks).toHaveLength(1) // the rest wait for it
    video.land()
    expect(video.seeks).toHaveLength(2)
    video.land()
    expect(engine.currentFrame()).toBe(15)
  })

  it('a step pressed after the element stops seeking but before its seeked event runs still counts from the new frame', () => {
    const { video, engine } = setup()
    engine.seekToFrame(40)
    video.land()
    engine.step(10)
    // The element clears seeking first and dispatches 'seeked' as a later task; a key press can run in between.
    video.seeking = false
    engine.step(10)
    video.land()
    video.land()
    expect(engine.currentFrame()).toBe(60)
  })

  it('stops at the first and last frame', () => {
    const { video, engine } = setup(ntsc, 100)
    engine.step(-10)
    video.land()
    expect(engine.currentFrame()).toBe(0)
    engine.lastFrame()
    video.land()
    expect(engine.currentFrame()).toBe(99)
    engine.step(10)
    video.land()
    expect(engine.currentFrame()).toBe(99)
  })
})

describe('PlayerEngine shuttle', () => {
  it('L plays at 1× then 2×; K pauses and settles on the frame it stopped in', () => {
    const { video, engine } = setup()
    engine.input({ type: 'l' })
    expect(video.paused).toBe(false)
    expect(video.playbackRate).toBe(1)
    engine.input({ type: 'l' })
    expect(video.playbackRate).toBe(2)
    video.playTo(40)
    video.seeks = []
    engine.input({ type: 'k-down' })
    expect(video.paused).toBe(true)
    expect(video.seeks).toEqual([timeOfFrame(40.5, ntsc)])
    video.land()
    expect(engine.getSnapshot()).toMatchObject({ frame: 40, speed: 0 })
  })

  it('K held with L or J steps one frame without playing', () => {
    const { video, engine } = setup()
    engine.seekToFrame(20)
    video.land()
    engine.input({ type: 'k-down' })
    engine.input({ type: 'l' })
    video.land()
    engine.input({ type: 'l' })
    video.land()
    engine.input({ type: 'j' })
    video.land()
    expect(video.paused).toBe(true)
    expect(engine.getSnapshot()).toMatchObject({ frame: 21, speed: 0 })
  })

  it('follows a pause or play from outside the shuttle (the play button, a click on the picture)', () => {
    const { video, engine } = setup()
    void video.play()
    expect(engine.getSnapshot().speed).toBe(1)
    video.pause()
    expect(engine.getSnapshot().speed).toBe(0)
  })

  it('J plays backwards by seeking back as wall-clock time passes, and stops at frame 0', () => {
    const { video, engine } = setup(ntsc)
    engine.seekToFrame(100)
    video.land()
    engine.input({ type: 'j' })
    expect(video.paused).toBe(true)
    expect(engine.getSnapshot().speed).toBe(-1)
    runAnimationFrame(1001) // 30 frames of 29.97 time
    expect(video.currentTime).toBeCloseTo(timeOfFrame(70.5, ntsc), 9)
    video.land()
    expect(engine.currentFrame()).toBe(70)
    engine.input({ type: 'j' }) // 2×, counted from where it is now
    runAnimationFrame(1001 + 1001)
    video.land()
    expect(engine.currentFrame()).toBe(10)
    runAnimationFrame(1001 + 2002)
    video.land()
    expect(engine.getSnapshot()).toMatchObject({ frame: 0, speed: 0 })
  })
})

describe('PlayerEngine I/O and loop', () => {
  it('marks in and out on the frame on screen; the range is out-exclusive', () => {
    const { video, engine } = setup()
    engine.seekToFrame(10)
    video.land()
    engine.markIn()
    engine.seekToFrame(20)
    video.land()
    engine.markOut()
    expect(engine.getSnapshot().range).toEqual({ in: 10, out: 21 })
  })

  it('looping forward jumps back to the in once the frame after the out shows, and starts at the in', () => {
    const { video, engine } = setup()
    engine.setMarks({ in: 10, out: 20 })
    engine.setLoop(true)
    engine.seekToFrame(50)
    video.land()
    video.seeks = []
    engine.input({ type: 'l' })
    expect(video.seeks).toEqual([timeOfFrame(10.5, ntsc)])
    video.land()
    video.seeks = []
    video.playTo(20)
    expect(video.seeks).toEqual([])
    video.playTo(21)
    expect(video.seeks).toEqual([timeOfFrame(10.5, ntsc)])
  })

  it('looping in reverse wraps from the in to the last frame of the range', () => {
    const { video, engine } = setup(ntsc)
    engine.setMarks({ in: 10, out: 20 })
    engine.setLoop(true)
    engine.seekToFrame(12)
    video.land()
    engine.input({ type: 'j' })
    runAnimationFrame(1001 / 10) // 3 frames back: past the in
    expect(video.currentTime).toBeCloseTo(timeOfFrame(20.5, ntsc), 9)
    video.land()
    expect(engine.getSnapshot()).toMatchObject({ frame: 20, speed: -1 })
  })

  it('without loop, playback past the out carries on', () => {
    const { video, engine } = setup()
    engine.setMarks({ in: 10, out: 20 })
    engine.input({ type: 'l' })
    video.seeks = []
    video.playTo(30)
    expect(video.seeks).toEqual([])
  })
})
