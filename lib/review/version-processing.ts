// Where a review version's media processing stands, as the browser polls it. Shared by the service that builds it
// and the component that shows it.

export const versionProcessingStates = ['pending', 'processing', 'ready', 'failed'] as const
export type VersionProcessingState = (typeof versionProcessingStates)[number]

export interface VersionProcessing {
  state: VersionProcessingState
  /** 0…1 while processing; 1 once ready. */
  progress: number
  /** What is happening now, or why it failed; written for the person waiting. */
  message: string | null
}

/** The states that will change without anyone doing anything, so a page keeps polling while in one. */
export function isProcessingUnderway(state: VersionProcessingState): boolean {
  return state === 'pending' || state === 'processing'
}
