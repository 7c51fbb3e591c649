import { z } from 'zod'
import { idField, nameField } from '@/lib/schemas/common'
import { provenanceCategories, provenanceOrigins } from './vocabulary'

// A member's declaration of how something was made that Storyreel did not see being made: a script drafted with a
// language model, a voice clone in the performance, a poster. It becomes a ledger row like any other, so the
// disclosure report counts it under its category; the asset it describes is either a file already in the project
// or, when there is none, a small text record of the declaration itself.

export const declareAiUseInput = z
  .strictObject({
    projectId: idField('Project id'),
    /** What was made: "Scene 3 dialogue", "Festival poster". The ledger's asset name when no file is attached. */
    title: nameField('What was made'),
    category: z.enum(provenanceCategories, { error: 'Choose a category.' }),
    origin: z.enum(provenanceOrigins, { error: 'Choose who or what made it.' }),
    provider: z.string().trim().max(100, 'The AI service name can be at most 100 characters.').optional().transform((value) => value || undefined),
    model: z.string().trim().max(200, 'The model name can be at most 200 characters.').optional().transform((value) => value || undefined),
    description: z.string().trim().min(1, 'Say how AI was used.').max(2000, 'The description can be at most 2000 characters.'),
    /** A file of this project the declaration is about (an uploaded poster); none stores a text record instead. */
    assetId: idField('Asset id').nullish(),
  })
  .refine((value) => value.origin !== 'ai_generated' || (value.provider && value.model), {
    message: 'Name the AI service and model that generated it.',
    path: ['model'],
  })
export type DeclareAiUseInput = z.infer<typeof declareAiUseInput>

/** Parameters every declaration's ledger row carries, so reports can list declarations apart from what was recorded. */
export interface DeclarationParameters {
  declaration: true
  title: string
  description: string
}

export function declarationOf(parameters: Record<string, unknown>): DeclarationParameters | null {
  return parameters.declaration === true && typeof parameters.title === 'string' && typeof parameters.description === 'string'
    ? { declaration: true, title: parameters.title, description: parameters.description }
    : null
}

/**
 * What the ledger's "prompt" column shows for an entry: the prompt a model was given, else what a member declared
 * ("Declared: …", with the title when the declaration is about a file of another name), else nothing.
 */
export function entryNote(entry: { prompt: string | null; assetName: string; parameters: Record<string, unknown> }): string | null {
  if (entry.prompt) return entry.prompt
  const declared = declarationOf(entry.parameters)
  if (!declared) return null
  return declared.title === entry.assetName ? `Declared: ${declared.description}` : `Declared (${declared.title}): ${declared.description}`
}
