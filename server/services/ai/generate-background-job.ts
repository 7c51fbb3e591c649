import { z } from 'zod'
import { defineJob, type DefineJobOptions, type JobDefinition } from '@/server/jobs/define-job'
import { runBackgroundGeneration } from './run-background-generation'

// The background job behind "Generate background": one provider call for 1–4 variations, its progress, and a cancel
// that aborts the call. The request itself waits on its background_generations row, so the job input is only its id.

export const generateBackgroundInput = z.strictObject({ generationId: z.string().min(1).max(100) })
export type GenerateBackgroundInput = z.infer<typeof generateBackgroundInput>

export const generateBackgroundJobName = 'generate-background'

export function createGenerateBackgroundJob(
  overrides: Partial<Omit<DefineJobOptions<GenerateBackgroundInput>, 'input' | 'handler'>> & Pick<Parameters<typeof runBackgroundGeneration>[0], 'config' | 'fetch'> = {},
): JobDefinition<GenerateBackgroundInput> {
  const { config, fetch, ...settings } = overrides
  return defineJob({
    name: generateBackgroundJobName,
    // No queue retries: the provider layer already retries 429/5xx with backoff inside one attempt, and every
    // attempt counts against the workspace's allowance (a paid provider may bill a call that failed).
    retryLimit: 0,
    // Provider calls are bounded by AI_TIMEOUT_MS × retries; this lease only catches a worker that hung.
    expireInSeconds: 15 * 60,
    concurrency: 2,
    ...settings,
    input: generateBackgroundInput,
    async handler(input, ctx) {
      await runBackgroundGeneration({ generationId: input.generationId, signal: ctx.signal, reportProgress: ctx.reportProgress, config, fetch })
    },
  })
}

export const generateBackgroundJob = createGenerateBackgroundJob()
