'use server'
// A version's comments as markers for Resolve, Premiere, Final Cut, Avid or a spreadsheet (viewers and up).
import { exportCommentMarkersInput } from '@/lib/schemas/review'
import { exportCommentMarkers } from '@/server/services/review/export-comment-markers'
import { runAction } from '../run-action'

export async function exportCommentMarkersAction(input: unknown) {
  return runAction(exportCommentMarkersInput, input, (data, actor) => exportCommentMarkers({ ...data, actor }))
}
