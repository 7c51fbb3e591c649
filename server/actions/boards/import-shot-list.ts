'use server'
// Imports a shot list CSV into a project's board (editors and owners): all rows or none, with row/column errors.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { importShotList } from '@/server/services/boards/import-shot-list'
import { runAction } from '../run-action'

const MAX_CSV_BYTES = 5 * 1024 * 1024

const importShotListInput = z.strictObject({
  projectId: idField('Project id'),
  csv: z
    .string()
    .max(MAX_CSV_BYTES, 'The file is larger than 5 MB.')
    .refine((csv) => new TextEncoder().encode(csv).byteLength <= MAX_CSV_BYTES, 'The file is larger than 5 MB.'),
})

export async function importShotListAction(input: unknown) {
  return runAction(importShotListInput, input, (data, actor) => importShotList({ ...data, actor }))
}
