// A comment's frames against its version: frameIn inclusive, frameOut exclusive (like lib/markers), all whole frames.
import { AppError } from '@/lib/errors'

/** Throws BAD_REQUEST naming the frame that does not fit, e.g. "Frame 4000 is outside this version (0–239)." */
export function assertFramesInVersion(range: { frameIn: number; frameOut?: number | null }, frameCount: number): void {
  const last = frameCount - 1
  const span = `this version (0–${last})`
  const { frameIn, frameOut } = range
  if (!Number.isInteger(frameIn) || frameIn < 0 || frameIn > last) {
    throw new AppError('BAD_REQUEST', { userMessage: `Frame ${frameIn} is outside ${span}.` })
  }
  if (frameOut === undefined || frameOut === null) return
  if (!Number.isInteger(frameOut) || frameOut <= frameIn) {
    throw new AppError('BAD_REQUEST', { userMessage: `A range must end after it starts (frame ${frameIn}).` })
  }
  // frameOut is the first frame after the range, so it may equal frameCount.
  if (frameOut > frameCount) throw new AppError('BAD_REQUEST', { userMessage: `Frame ${frameOut - 1} is outside ${span}.` })
}
