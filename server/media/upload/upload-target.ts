import { z } from 'zod'
import { AppError } from '@/lib/errors'
import { idField } from '@/lib/schemas/common'

// What a cut upload is for, from its tus metadata: the project and review item it becomes a version of, and the
// file's name (a label only; storage keys are ours). Checked when the upload is created and again when it finishes.

export interface CutUploadTarget {
  projectId: string
  reviewItemId: string
  filename: string | null
}

const uploadMetadata = z.object({
  projectId: idField('Project'),
  reviewItemId: idField('Review item'),
  filename: z.string().max(1000, 'The file name is too long.').nullish(),
})

export function readUploadTarget(metadata: Record<string, string | null> | undefined): CutUploadTarget {
  const parsed = uploadMetadata.safeParse(metadata ?? {})
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new AppError('BAD_REQUEST', { userMessage: `The upload’s metadata is incomplete: ${issue?.message ?? 'projectId and reviewItemId are required.'}` })
  }
  return { projectId: parsed.data.projectId, reviewItemId: parsed.data.reviewItemId, filename: parsed.data.filename ?? null }
}
