import { z } from 'zod'
import { defineJob, type DefineJobOptions, type JobDefinition } from '@/server/jobs/define-job'
import { processVideo, type ProcessVideoInput, type ProcessVideoOptions } from './process-video'

// The background job that turns an uploaded cut into what the review page plays: enqueue it with the original
// asset's id, and the proxy, poster and filmstrip appear as assets of their own.

export const processVideoInput = z.object({ assetId: z.string().min(1).max(200), projectId: z.string().min(1).max(200) })

// 'review.process-version' in the issue; defineJob allows only letters, digits and dashes (pg-boss queue names).
export const processVideoJobName = 'review-process-version'

/**
 * The job's definition. The queue keeps no handler output (JobContext has no result), so the ids reach the review
 * service through onProcessed, run inside the job: the review service registers its own instance with a hook that
 * records them on the version. Tests build theirs with a unique name, short settings and a slowed encode.
 */
export function createProcessVideoJob(
  overrides: Partial<Omit<DefineJobOptions<ProcessVideoInput>, 'input' | 'handler'>> & Pick<ProcessVideoOptions, 'tempRoot' | 'readRate' | 'onProcessed'> = {},
): JobDefinition<ProcessVideoInput> {
  const { tempRoot, readRate, onProcessed, ...settings } = overrides
  return defineJob({
    name: processVideoJobName,
    // A failure that was the file's fault fails the same way again; one retry covers a worker that died mid-way.
    retryLimit: 1,
    retryDelaySeconds: 30,
    // Long enough for a 4-hour cut at 1080p on a small machine; the lease is what a stuck ffmpeg runs into.
    expireInSeconds: 3 * 60 * 60,
    ...settings,
    input: processVideoInput,
    async handler(input, ctx) {
      await processVideo(input, { onProcessed, signal: ctx.signal, reportProgress: ctx.reportProgress, tempRoot, readRate })
    },
  })
}

export const processVideoJob = createProcessVideoJob()
