import type { JobState } from '@/lib/jobs/job-status'

// What the panel editor learns about one "Generate background" request while it polls: the job's progress, then
// the variations to choose from. Built by the server, read by components/ai.

export interface BackgroundVariation {
  assetId: string
  url: string
  width: number
  height: number
  seed: number | null
}

export interface BackgroundGenerationStatus {
  generationId: string
  state: JobState
  /** 0…1; 1 once completed. */
  progress: number
  label: string | null
  /** A message fit to show a user when the job failed (rate limit, provider error, time-out). */
  error: string | null
  /** Empty until the job has stored its images. */
  variations: BackgroundVariation[]
  /** True for the built-in procedural generator, which the UI must say plainly. Null until known. */
  offline: boolean | null
  generatorLabel: string | null
  warnings: string[]
  chosenAssetId: string | null
}

/** What the editor needs to place a chosen variation as the panel's background layer. */
export interface ChosenBackground {
  assetId: string
  url: string
  width: number
  height: number
  mime: string
  provider: string
  model: string
}
