import { frameRateOf, resolutions } from '@/lib/frame-rates'

/** The fields of a project that describe its picture; components take this shape, not the database row. */
export interface ProjectFormat {
  fpsNumerator: number
  fpsDenominator: number
  dropFrame: boolean
  width: number
  height: number
  startTimecode: string
}

/** "29.97 fps DF", "23.976 fps", "24 fps": how editors say frame rates aloud, short enough for a badge. */
export function shortFrameRate(format: ProjectFormat): string {
  const known = /^[\d.]+/.exec(frameRateOf(format).id)?.[0]
  const value = known ?? String(Number((format.fpsNumerator / format.fpsDenominator).toFixed(3)))
  if (format.dropFrame) return `${value} fps DF`
  // 29.97 and 59.94 exist in both flavours, so say which; 23.976 has no drop-frame variant to confuse it with.
  const nominal = Math.round(format.fpsNumerator / format.fpsDenominator)
  const ambiguous = format.fpsDenominator !== 1 && nominal % 30 === 0
  return ambiguous ? `${value} fps NDF` : `${value} fps`
}

export function resolutionLabel(format: ProjectFormat): string {
  return `${format.width} × ${format.height}`
}

/** The preset's full name (e.g. "DCI Scope 2048 × 858 (2.39:1)") when the size matches one. */
export function resolutionDescription(format: ProjectFormat): string | undefined {
  return resolutions.find((r) => r.width === format.width && r.height === format.height)?.label
}
