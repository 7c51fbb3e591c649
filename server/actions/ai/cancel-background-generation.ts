'use server'
// Cancels a "Generate background" request that is still queued or running; editors and owners.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { cancelBackgroundGeneration } from '@/server/services/ai/cancel-background-generation'
import { runAction } from '../run-action'

const generationInput = z.strictObject({ projectId: idField('Project id'), generationId: idField('Generation id') })

export async function cancelBackgroundGenerationAction(input: unknown) {
  return runAction(generationInput, input, (data, actor) => cancelBackgroundGeneration({ ...data, actor }))
}
