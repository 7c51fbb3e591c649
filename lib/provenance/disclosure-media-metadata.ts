import type { DisclosureReport } from './disclosure-report'
import { animaticSentence, modelsSentence, panelsSentence } from './disclosure-sentences'

// The disclosure carried with a rendered MP4: short key/values for `ffmpeg -metadata` (MP4 keeps `comment`,
// `description` and `title`-like tags in its udta atom, where players and festival platforms show them) and a
// sidecar manifest written next to the file. The renderer passes the report of the project at render time and the
// rendered file's name.

export const DISCLOSURE_SIDECAR_VERSION = 1

/** ffmpeg writes these with `-metadata key=value`; values stay on one line so every muxer keeps them intact. */
export function disclosureMp4Metadata(report: DisclosureReport): Record<string, string> {
  const { summary } = report
  const headline = [panelsSentence(summary), animaticSentence(summary), modelsSentence(summary)].join(' ')
  return {
    comment: `AI disclosure: ${headline}`,
    description: `${report.project.name} — AI disclosure from the Storyreel provenance ledger (${report.$schema}). ${headline}`,
    encoded_by: 'Storyreel',
  }
}

/** The ffmpeg arguments for those tags, ready to splice in before the output path. */
export function disclosureMetadataArgs(report: DisclosureReport): string[] {
  return Object.entries(disclosureMp4Metadata(report)).flatMap(([key, value]) => ['-metadata', `${key}=${value}`])
}

export interface DisclosureSidecar {
  manifest: 'storyreel.ai-disclosure.sidecar'
  version: typeof DISCLOSURE_SIDECAR_VERSION
  /** The video this manifest describes, by file name and SHA-256 when the caller knows it. */
  media: { fileName: string; sha256: string | null }
  report: DisclosureReport
}

/** "animatic-v3.mp4" → the manifest to write as "animatic-v3.mp4.disclosure.json". */
export function disclosureSidecar(report: DisclosureReport, media: { fileName: string; sha256?: string | null }): { fileName: string; json: string } {
  const sidecar: DisclosureSidecar = { manifest: 'storyreel.ai-disclosure.sidecar', version: DISCLOSURE_SIDECAR_VERSION, media: { fileName: media.fileName, sha256: media.sha256 ?? null }, report }
  return { fileName: `${media.fileName}.disclosure.json`, json: `${JSON.stringify(sidecar, null, 2)}\n` }
}
