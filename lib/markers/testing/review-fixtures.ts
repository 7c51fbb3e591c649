// Test support: review notes that exercise every rule of the exports, at the three rates the golden files cover.
import { frameRateById } from '@/lib/frame-rates'
import type { MarkerExportInput } from '../marker-export-input'

type Marker = MarkerExportInput['markers'][number]

/**
 * The same kinds of note at every rate: a slate note on frame 0, a range and a guest note sharing a frame, a note
 * starting with a digit and holding a "|", a formula aimed at spreadsheets, emoji with a tab and a control character,
 * a broken surrogate with Windows line breaks and decomposed accents, and an unnamed empty note on the last frame.
 */
function reviewMarkers(frames: { shared: number; boundary: number; later: number; last: number }): Marker[] {
  return [
    { frameIn: frames.later, note: '=HYPERLINK("http://example.test","open")', author: '+Mallory', kind: 'guest' },
    { frameIn: 0, note: 'Slate: hold 2 more frames', author: 'Ana Lima' },
    { frameIn: frames.shared, frameOut: frames.shared + 60, note: 'Colour shifts here.\nMatch to shot 12A.', author: 'Ben Okafor', color: 'red' },
    { frameIn: frames.shared, note: 'Logo "pops" — can it <fade> & ease?', author: 'Client <Acme & Co>', kind: 'guest' },
    { frameIn: frames.boundary, frameOut: frames.boundary + 4, note: '2 frames late | needs trim', author: 'Ana Lima', resolved: true },
    { frameIn: frames.later + 12, name: 'Hero shot', note: 'Love this 🎬\tshot\u0007!', author: 'Dee', color: 'lavender' },
    { frameIn: frames.later + 13, frameOut: frames.later + 13, note: 'broken \uD83D pair\r\nnext line: cafe\u0301', author: 'Émile', kind: 'guest', resolved: true },
    { frameIn: frames.last, name: 'End', note: '', author: 'Ana Lima', color: 'cream' },
  ]
}

export const reviewFixtures = {
  /** 29.97 drop-frame from 01:00:00;00, crossing the minute where ;00 and ;01 are skipped, and the tenth minute. */
  '29.97df': {
    rate: frameRateById('29.97DF'),
    startTimecode: '01:00:00;00',
    clipName: 'Reel 3 — “Fog” v2',
    durationFrames: 18000,
    markers: reviewMarkers({ shared: 60, boundary: 1798, later: 17970, last: 17999 }),
  },
  /** 23.976 from just before the hour, so timecodes cross 01:00:00:00. */
  '23.976': {
    rate: frameRateById('23.976'),
    startTimecode: '00:59:50:00',
    clipName: 'Trailer_v7 <final> & "approved"',
    durationFrames: 2400,
    resolution: { width: 3840, height: 2160 },
    markers: reviewMarkers({ shared: 48, boundary: 238, later: 2000, last: 2399 }),
  },
  /** 25 fps starting two seconds before midnight, so absolute timecodes wrap to 00:00:00:00. */
  '25': {
    rate: frameRateById('25'),
    startTimecode: '23:59:58:00',
    clipName: 'Night shoot | cut 1',
    durationFrames: 1500,
    markers: reviewMarkers({ shared: 49, boundary: 49, later: 1000, last: 1499 }),
  },
} satisfies Record<string, MarkerExportInput>

export type ReviewFixtureId = keyof typeof reviewFixtures
