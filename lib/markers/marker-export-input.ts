// What every marker export takes, validated once and turned into markers that carry their own timecodes.
import { z } from 'zod'
import { AppError, isAppError } from '@/lib/errors'
import { parseTimecode, timecodeForFrame, type Rate } from '@/lib/timecode'
import { defaultMarkerColor, markerColors, type MarkerColor } from './marker-colors'
import { cleanText } from './marker-text'

const frameNumber = z.int().nonnegative()

export const exportedMarker = z.object({
  /** First frame of the note, counted from the clip's first frame (0). */
  frameIn: frameNumber,
  /** Exclusive end, like an EDL's record out: the note covers frameIn … frameOut − 1. Omitted or equal to frameIn: one frame. */
  frameOut: frameNumber.optional(),
  /** Marker title; when omitted, the author's name stands in. */
  name: z.string().optional(),
  note: z.string(),
  author: z.string(),
  color: z.enum(markerColors).optional(),
  kind: z.enum(['comment', 'guest']).default('comment'),
  resolved: z.boolean().default(false),
})

export const markerExportInput = z
  .object({
    rate: z.object({ numerator: z.int().positive(), denominator: z.int().positive(), dropFrame: z.boolean() }),
    /** Timecode of the clip's first frame, e.g. the project's "01:00:00:00". */
    startTimecode: z.string(),
    clipName: z.string(),
    durationFrames: z.int().positive(),
    /** Picture size for the formats that declare one (xmeml, FCPXML); markers do not depend on it. */
    resolution: z.object({ width: z.int().positive(), height: z.int().positive() }).default({ width: 1920, height: 1080 }),
    markers: z.array(exportedMarker),
  })
  .superRefine((input, ctx) => {
    try {
      parseTimecode(input.startTimecode, input.rate)
    } catch (error) {
      if (!isAppError(error)) throw error
      ctx.addIssue({ code: 'custom', path: ['startTimecode'], message: error.userMessage })
    }
    input.markers.forEach((marker, index) => {
      if (marker.frameIn >= input.durationFrames) {
        const message = `Marker ${index + 1} starts at frame ${marker.frameIn}, after the clip's last frame (${input.durationFrames - 1}).`
        ctx.addIssue({ code: 'custom', path: ['markers', index, 'frameIn'], message })
      }
      if (marker.frameOut !== undefined && (marker.frameOut < marker.frameIn || marker.frameOut > input.durationFrames)) {
        const message = `Marker ${index + 1} ends at frame ${marker.frameOut}, outside ${marker.frameIn}–${input.durationFrames}.`
        ctx.addIssue({ code: 'custom', path: ['markers', index, 'frameOut'], message })
      }
    })
  })

export type MarkerExportInput = z.input<typeof markerExportInput>

export interface PreparedMarker {
  /** 1-based position in time order. */
  number: number
  frameIn: number
  /** Exclusive; always frameIn + durationFrames. */
  frameOut: number
  durationFrames: number
  timecodeIn: string
  /** Timecode of frameOut, i.e. of the first frame after the note (EDL convention). */
  timecodeOut: string
  /** The given name, or the author's. */
  name: string
  /** Whether `name` was given rather than borrowed from the author. */
  named: boolean
  note: string
  author: string
  color: MarkerColor
  kind: 'comment' | 'guest'
  resolved: boolean
}

export interface PreparedExport {
  rate: Rate
  startTimecode: string
  clipName: string
  durationFrames: number
  width: number
  height: number
  /** Sorted by frameIn; notes on the same frame keep their input order. */
  markers: PreparedMarker[]
}

/**
 * Validates an export request and gives each marker its timecodes, colour and cleaned text. Throws an AppError
 * (BAD_REQUEST) naming the first problem, so a route can answer 400 with it.
 */
export function prepareMarkerExport(input: MarkerExportInput): PreparedExport {
  const parsed = markerExportInput.safeParse(input)
  if (!parsed.success) {
    const first = parsed.error.issues[0]
    throw new AppError('BAD_REQUEST', {
      userMessage: first ? first.message : 'The marker export request is not valid.',
      details: { issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })) },
    })
  }
  const { rate, startTimecode, clipName, durationFrames, resolution, markers } = parsed.data
  const clip = { rate, startTimecode }
  const ordered = markers.map((marker, order) => ({ marker, order })).sort((a, b) => a.marker.frameIn - b.marker.frameIn || a.order - b.order)
  return {
    rate,
    startTimecode,
    clipName: cleanText(clipName),
    durationFrames,
    width: resolution.width,
    height: resolution.height,
    markers: ordered.map(({ marker }, index) => {
      const duration = Math.max(1, (marker.frameOut ?? marker.frameIn) - marker.frameIn)
      const author = cleanText(marker.author)
      const name = marker.name === undefined ? undefined : cleanText(marker.name)
      return {
        number: index + 1,
        frameIn: marker.frameIn,
        frameOut: marker.frameIn + duration,
        durationFrames: duration,
        timecodeIn: timecodeForFrame(marker.frameIn, clip),
        timecodeOut: timecodeForFrame(marker.frameIn + duration, clip),
        name: name || author,
        named: Boolean(name),
        note: cleanText(marker.note),
        author,
        color: marker.color ?? defaultMarkerColor(marker),
        kind: marker.kind,
        resolved: marker.resolved,
      }
    }),
  }
}
