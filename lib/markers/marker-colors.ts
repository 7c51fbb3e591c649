// The marker colours a review note can carry, and what each editing application calls the nearest one.

/** Resolve's sixteen marker colours, which is the richest palette of the targets; the others map down from it. */
export const markerColors = [
  'blue',
  'cyan',
  'green',
  'yellow',
  'red',
  'pink',
  'purple',
  'fuchsia',
  'rose',
  'lavender',
  'sky',
  'mint',
  'lemon',
  'sand',
  'cocoa',
  'cream',
] as const

export type MarkerColor = (typeof markerColors)[number]

/** "ResolveColorBlue": the token Resolve's marker EDL uses after |C:. */
export function resolveColorToken(color: MarkerColor): string {
  return `ResolveColor${color.charAt(0).toUpperCase()}${color.slice(1)}`
}

/** Media Composer has eight marker colours; each Resolve colour goes to the one it looks most like. */
const avidColorFor: Record<MarkerColor, AvidMarkerColor> = {
  blue: 'blue',
  cyan: 'cyan',
  green: 'green',
  yellow: 'yellow',
  red: 'red',
  pink: 'magenta',
  purple: 'magenta',
  fuchsia: 'magenta',
  rose: 'red',
  lavender: 'magenta',
  sky: 'cyan',
  mint: 'green',
  lemon: 'yellow',
  sand: 'yellow',
  cocoa: 'red',
  cream: 'white',
}

export type AvidMarkerColor = 'red' | 'green' | 'blue' | 'cyan' | 'magenta' | 'yellow' | 'black' | 'white'

export function avidColor(color: MarkerColor): AvidMarkerColor {
  return avidColorFor[color]
}

/**
 * The colour of a note that did not pick one, so an editor can tell notes apart at a glance on the timeline:
 * resolved notes are green, open notes from guests (clients) yellow, open notes from the team blue.
 */
export function defaultMarkerColor(marker: { resolved: boolean; kind: 'comment' | 'guest' }): MarkerColor {
  if (marker.resolved) return 'green'
  return marker.kind === 'guest' ? 'yellow' : 'blue'
}
