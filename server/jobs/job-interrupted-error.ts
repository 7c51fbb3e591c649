// Why a running job's signal was aborted. Handlers see it as signal.reason (and runFfmpeg rejects with it); its
// message is written for the person waiting on the job.

export type InterruptionReason = 'cancelled' | 'expired' | 'stopped' | 'lost'

const messages: Record<InterruptionReason, string> = {
  cancelled: 'The job was cancelled.',
  expired: 'The job ran past its time limit.',
  stopped: 'The worker stopped before the job finished.',
  lost: 'The job was handed to another worker.',
}

export class JobInterruptedError extends Error {
  override name = 'JobInterruptedError'
  readonly reason: InterruptionReason

  constructor(reason: InterruptionReason, detail?: string) {
    super(detail ? `${messages[reason]} ${detail}` : messages[reason])
    this.reason = reason
  }
}

export function isJobInterruptedError(error: unknown): error is JobInterruptedError {
  return error instanceof Error && error.name === 'JobInterruptedError' && 'reason' in error
}
