import { z } from 'zod'
import { idField } from './common'

// Inputs of the review room's page-side reads and of the @mention inbox.

export const reviewProjectInput = z.strictObject({ projectId: idField('Project') })

export const listMyMentionsInput = z.strictObject({ limit: z.int().min(1).max(200).optional() })

export const markMentionsReadInput = z.strictObject({
  /** Leave out to mark every mention read. */
  commentIds: z.array(idField('Comment')).max(200, 'Mark at most 200 mentions at once.').optional(),
})
