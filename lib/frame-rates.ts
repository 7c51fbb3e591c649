// The frame rates a project can be created at. Rates are rationals so 23.976 is exactly 24000/1001.
export interface FrameRate {
  id: string
  label: string
  numerator: number
  denominator: number
  dropFrame: boolean
}

export const frameRates = [
  { id: '23.976', label: '23.976 fps', numerator: 24000, denominator: 1001, dropFrame: false },
  { id: '24', label: '24 fps', numerator: 24, denominator: 1, dropFrame: false },
  { id: '25', label: '25 fps', numerator: 25, denominator: 1, dropFrame: false },
  { id: '29.97DF', label: '29.97 fps drop-frame', numerator: 30000, denominator: 1001, dropFrame: true },
  { id: '29.97', label: '29.97 fps non-drop', numerator: 30000, denominator: 1001, dropFrame: false },
  { id: '30', label: '30 fps', numerator: 30, denominator: 1, dropFrame: false },
  { id: '48', label: '48 fps', numerator: 48, denominator: 1, dropFrame: false },
  { id: '50', label: '50 fps', numerator: 50, denominator: 1, dropFrame: false },
  { id: '59.94DF', label: '59.94 fps drop-frame', numerator: 60000, denominator: 1001, dropFrame: true },
  { id: '59.94', label: '59.94 fps non-drop', numerator: 60000, denominator: 1001, dropFrame: false },
  { id: '60', label: '60 fps', numerator: 60, denominator: 1, dropFrame: false },
] as const satisfies readonly FrameRate[]

export type FrameRateId = (typeof frameRates)[number]['id']
export const frameRateIds = frameRates.map((rate) => rate.id) as [FrameRateId, ...FrameRateId[]]

export function frameRateById(id: FrameRateId): FrameRate {
  return frameRates.find((rate) => rate.id === id)!
}

export function frameRateOf(project: { fpsNumerator: number; fpsDenominator: number; dropFrame: boolean }): FrameRate {
  return (
    frameRates.find((r) => r.numerator === project.fpsNumerator && r.denominator === project.fpsDenominator && r.dropFrame === project.dropFrame) ?? {
      id: `${project.fpsNumerator}/${project.fpsDenominator}`,
      label: `${(project.fpsNumerator / project.fpsDenominator).toFixed(3)} fps`,
      numerator: project.fpsNumerator,
      denominator: project.fpsDenominator,
      dropFrame: project.dropFrame,
    }
  )
}

export const resolutions = [
  { id: '1920x1080', label: 'HD 1920 × 1080 (16:9)', width: 1920, height: 1080 },
  { id: '1280x720', label: 'HD 1280 × 720 (16:9)', width: 1280, height: 720 },
  { id: '3840x2160', label: 'UHD 3840 × 2160 (16:9)', width: 3840, height: 2160 },
  { id: '4096x2160', label: 'DCI 4K 4096 × 2160 (1.90:1)', width: 4096, height: 2160 },
  { id: '1998x1080', label: 'DCI Flat 1998 × 1080 (1.85:1)', width: 1998, height: 1080 },
  { id: '2048x858', label: 'DCI Scope 2048 × 858 (2.39:1)', width: 2048, height: 858 },
  { id: '1080x1920', label: 'Vertical 1080 × 1920 (9:16)', width: 1080, height: 1920 },
  { id: '1080x1080', label: 'Square 1080 × 1080 (1:1)', width: 1080, height: 1080 },
] as const

export type ResolutionId = (typeof resolutions)[number]['id']
export const resolutionIds = resolutions.map((r) => r.id) as [ResolutionId, ...ResolutionId[]]
