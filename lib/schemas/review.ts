import { z } from 'zod'
import { markerExportFormatIds } from '@/lib/markers'
import { annotationSchema } from '@/lib/review/annotation'
import { idField, nameField } from './common'

export const reviewItemKinds = ['cut', 'animatic'] as const
export const reviewStatuses = ['in_review', 'changes_requested', 'approved'] as const
export const commentVisibilities = ['team', 'client'] as const
export const commentBodyLimit = 5000
export const shareLinkExpiry = { minDays: 1, maxDays: 365 } as const

const frameField = (what: string) => z.int(`${what} must be a whole frame number.`).min(0, `${what} cannot be negative.`)
const commentBody = z
  .string({ error: 'Write a comment.' })
  .trim()
  .min(1, 'A comment cannot be empty.')
  .max(commentBodyLimit, `A comment can be at most ${commentBodyLimit} characters.`)

export const createReviewItemInput = z.strictObject({
  projectId: idField('Project'),
  title: nameField('Title'),
  kind: z.enum(reviewItemKinds, { error: 'Choose cut or animatic.' }),
})
export type CreateReviewItemInput = z.infer<typeof createReviewItemInput>

export const listReviewItemsInput = z.strictObject({ projectId: idField('Project'), includeArchived: z.boolean().optional() })
export const reviewItemInput = z.strictObject({ projectId: idField('Project'), reviewItemId: idField('Review item') })
export const versionInput = z.strictObject({ projectId: idField('Project'), versionId: idField('Version') })
export const commentInput = z.strictObject({ projectId: idField('Project'), commentId: idField('Comment') })

export const createReviewVersionInput = z.strictObject({
  projectId: idField('Project'),
  reviewItemId: idField('Review item'),
  assetId: idField('Asset'),
  source: z.enum(['upload', 'animatic']).optional(),
})
export type CreateReviewVersionInput = z.infer<typeof createReviewVersionInput>

export const setVersionStatusInput = z.strictObject({
  projectId: idField('Project'),
  versionId: idField('Version'),
  status: z.enum(reviewStatuses, { error: 'Choose in review, changes requested or approved.' }),
})

export const createCommentInput = z.strictObject({
  projectId: idField('Project'),
  versionId: idField('Version'),
  frameIn: frameField('The first frame'),
  frameOut: frameField('The last frame').optional(),
  body: commentBody,
  annotation: annotationSchema.optional(),
  visibility: z.enum(commentVisibilities).optional(),
})
export type CreateCommentInput = z.infer<typeof createCommentInput>

export const replyToCommentInput = z.strictObject({ projectId: idField('Project'), commentId: idField('Comment'), body: commentBody })
export const editCommentInput = z.strictObject({ projectId: idField('Project'), commentId: idField('Comment'), body: commentBody })

export const createShareLinkInput = z.strictObject({
  projectId: idField('Project'),
  reviewItemId: idField('Review item'),
  password: z.string().min(8, 'A link password needs at least 8 characters.').max(200).optional(),
  expiresInDays: z.int().min(shareLinkExpiry.minDays).max(shareLinkExpiry.maxDays).optional(),
  canComment: z.boolean().optional(),
  canDownload: z.boolean().optional(),
})
export const shareLinkInput = z.strictObject({ projectId: idField('Project'), shareLinkId: idField('Share link') })

export const exportCommentMarkersInput = z.strictObject({
  projectId: idField('Project'),
  versionId: idField('Version'),
  format: z.enum(markerExportFormatIds, { error: 'Choose a marker format from the list.' }),
})
