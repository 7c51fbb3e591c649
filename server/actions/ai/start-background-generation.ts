'use server'
// "Generate background" for a panel: queues 1–4 variations and answers the id to poll; editors and owners.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { startBackgroundGeneration } from '@/server/services/ai/start-background-generation'
import { runAction } from '../run-action'

// The request's own rules (prompt length from AI_MAX_PROMPT_CHARS, presets, seed range) are the service's, so a
// change of limit is one setting; here only the shape and a hard cap on what is read.
const startBackgroundGenerationInput = z.strictObject({
  projectId: idField('Project id'),
  panelId: idField('Panel id'),
  prompt: z.string().max(100_000, 'The prompt is far too long.'),
  stylePreset: z.string().max(100).optional(),
  negativePrompt: z.string().max(100_000, 'The negative prompt is far too long.').optional(),
  seed: z.number().optional(),
  variations: z.number().optional(),
})

export async function startBackgroundGenerationAction(input: unknown) {
  return runAction(startBackgroundGenerationInput, input, ({ projectId, panelId, ...request }, actor) =>
    startBackgroundGeneration({ actor, projectId, panelId, request }),
  )
}
