'use server'
// Records the variation placed as a panel's background and answers what the editor needs to place it; editors and owners.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { chooseBackgroundVariation } from '@/server/services/ai/choose-background-variation'
import { runAction } from '../run-action'

const chooseInput = z.strictObject({ projectId: idField('Project id'), generationId: idField('Generation id'), assetId: idField('Image id') })

export async function chooseBackgroundVariationAction(input: unknown) {
  return runAction(chooseInput, input, (data, actor) => chooseBackgroundVariation({ ...data, actor }))
}
