// The one timecode module shared by the player, comments and exports (DESIGN.md, "Time").
export { framesPerDay, nominalFps, rateLabel, timecodeClock, type Rate, type TimecodeClock } from './rate'
export {
  absoluteFrame,
  formatTimecode,
  frameIndexForTimecode,
  parseTimecode,
  timecodeForFrame,
  type ClipTimecode,
} from './timecode'
export { FRAME_START_TOLERANCE_SECONDS, frameAtTime, frameTimeFraction, timeOfFrame, type Fraction } from './frame-time'
export { formatDuration, framesFromSecondsAndFrames } from './duration'
