import { renderAnimaticJob } from '@/server/media/animatic/render-animatic-job'
import { renderAnimaticReviewJob } from '@/server/services/animatic/render-animatic-review-job'
import { generateBackgroundJob } from '@/server/services/ai/generate-background-job'
import type { JobDefinition } from './define-job'
import { reviewProcessVersionJob } from './review-process-version-job'

// Every job the app's workers run. Each domain adds its definitions here as it lands (transcode uploads, render
// animatics, generate backgrounds), so in-process workers and `npm run worker` run the same set.
export const appJobs: readonly JobDefinition<unknown>[] = [reviewProcessVersionJob, renderAnimaticJob, renderAnimaticReviewJob, generateBackgroundJob]
