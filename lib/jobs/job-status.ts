import { z } from 'zod'

// What a browser may learn about a background job (an upload's transcode, an animatic render) while it polls or
// listens for it. Shared by the server that builds it and the client that reads it.

export const jobStates = ['queued', 'running', 'retrying', 'completed', 'failed', 'cancelled'] as const
export type JobState = (typeof jobStates)[number]

export const jobStatus = z.object({
  state: z.enum(jobStates),
  /** 0…1; 1 once completed. */
  progress: z.number().min(0).max(1),
  /** What the job is doing now ("Encoding video"), when the handler said. */
  label: z.string().nullable(),
  /** A message fit to show a user, when the last attempt failed. */
  error: z.string().nullable(),
  /** How many times a worker has started this job. */
  attempts: z.number().int().min(0),
})
export type JobStatus = z.infer<typeof jobStatus>

/** A job that will not change any more. */
export function isSettled(state: JobState): boolean {
  return state === 'completed' || state === 'failed' || state === 'cancelled'
}
