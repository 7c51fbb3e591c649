import { z } from 'zod'
import { isAppError } from '@/lib/errors'
import { isJobInterruptedError } from './job-interrupted-error'

// What we store in pg-boss's output column when an attempt fails, and how a status reads it back. Only `message` is
// ever shown to users; `detail` (the raw error) is for operators reading the database or logs.

const unexpected = 'The job failed unexpectedly.'
const maxDetailLength = 2000

export interface StoredFailure {
  message: string
  detail: string
}

export function describeFailure(error: unknown): StoredFailure {
  const detail = (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, maxDetailLength)
  if (isAppError(error)) return { message: error.userMessage, detail }
  if (isJobInterruptedError(error)) return { message: error.message, detail }
  return { message: unexpected, detail }
}

const ourFailure = z.object({ message: z.string() })
// pg-boss's maintenance writes this when it reclaims a job whose lease ran out: its worker died or hung, or its
// handler ran past expireInSeconds and maintenance got there before the worker's own timer.
const reclaimedByPgBoss = z.object({ value: z.object({ message: z.literal('job failed by timeout in active state') }) })

export function readFailureMessage(output: unknown): string | null {
  if (output === null || output === undefined) return null
  if (reclaimedByPgBoss.safeParse(output).success) return 'The job ran past its time limit or its worker stopped responding.'
  const ours = ourFailure.safeParse(output)
  return ours.success ? ours.data.message : unexpected
}
