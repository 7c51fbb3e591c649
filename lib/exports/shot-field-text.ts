import { shotAngles, shotMovements, shotSizes, shotStatuses } from '@/lib/board'

// Reading shot fields typed by people into the board's codes. Unknown words are passed through unchanged so the zod
// schema rejects them with the list of accepted values.

const sizeWords: Record<string, (typeof shotSizes)[number]> = {
  'extreme wide': 'EWS', 'extreme wide shot': 'EWS', 'extreme long shot': 'EWS', els: 'EWS', wide: 'WS', 'wide shot': 'WS',
  'long shot': 'WS', ls: 'WS', full: 'FS', 'full shot': 'FS', 'medium wide': 'MWS', 'medium wide shot': 'MWS',
  'medium long shot': 'MWS', medium: 'MS', 'medium shot': 'MS', 'medium close-up': 'MCU', 'medium close up': 'MCU',
  'close-up': 'CU', 'close up': 'CU', closeup: 'CU', 'extreme close-up': 'ECU', 'extreme close up': 'ECU', insert: 'INSERT',
  'over the shoulder': 'OTS', 'over-the-shoulder': 'OTS', 'point of view': 'POV', 'two shot': 'TWO', 'two-shot': 'TWO', '2-shot': 'TWO',
}

function matchCode<T extends string>(codes: readonly T[], value: string, normalize: (s: string) => string): T | string {
  const wanted = normalize(value)
  return codes.find((code) => normalize(code) === wanted) ?? value
}

const loose = (s: string) => s.trim().toLowerCase().replace(/['’]/g, '').replace(/[\s_]+/g, '-')

export function sizeFromText(value: string): string {
  return sizeWords[value.trim().toLowerCase()] ?? matchCode(shotSizes, value, (s) => s.trim().toUpperCase())
}
export const angleFromText = (value: string) => matchCode(shotAngles, value, loose)
export const movementFromText = (value: string) => matchCode(shotMovements, value, loose)
export const statusFromText = (value: string) => matchCode(shotStatuses, value, loose)
