'use server'
// Where a "Generate background" request stands: progress, then the variations and the generator's label; editors and owners.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { getBackgroundGeneration } from '@/server/services/ai/get-background-generation'
import { runAction } from '../run-action'

const generationInput = z.strictObject({ projectId: idField('Project id'), generationId: idField('Generation id') })

export async function getBackgroundGenerationAction(input: unknown) {
  return runAction(generationInput, input, (data, actor) => getBackgroundGeneration({ ...data, actor }))
}
