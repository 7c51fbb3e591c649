import { z } from 'zod'

// What someone asks for when they generate a panel background. Shared by the server action and the form, so the
// form can say "too long" before anything is sent. The prompt limit is configurable (AI_MAX_PROMPT_CHARS).

export const defaultMaxPromptChars = 1000
export const maxVariations = 4
export const maxSeed = 2 ** 32 - 1

export const stylePresets = ['none', 'storyboard-sketch', 'cinematic', 'concept-art', 'photographic', 'watercolor'] as const
export type StylePreset = (typeof stylePresets)[number]

export const stylePresetLabels: Record<StylePreset, string> = {
  none: 'As written',
  'storyboard-sketch': 'Storyboard sketch',
  cinematic: 'Cinematic',
  'concept-art': 'Concept art',
  photographic: 'Photographic',
  watercolor: 'Watercolour',
}

// Appended to the prompt for real models; the offline generator reads the preset itself.
export const stylePresetPrompts: Record<StylePreset, string> = {
  none: '',
  'storyboard-sketch': 'rough storyboard sketch, pencil, greyscale, loose lines',
  cinematic: 'cinematic film still, wide establishing shot, natural light, anamorphic',
  'concept-art': 'concept art, matte painting, painterly',
  photographic: 'photograph, realistic, 35mm',
  watercolor: 'watercolour painting, soft washes',
}

export function backgroundRequestSchema(maxPromptChars = defaultMaxPromptChars) {
  return z.strictObject({
    prompt: z
      .string()
      .trim()
      .min(1, 'Describe the background you want, e.g. “desert road at sunset”.')
      .max(maxPromptChars, { error: (issue) => `The prompt is too long: keep it to ${maxPromptChars} characters (it has ${String((issue.input as string).length)}).` }),
    negativePrompt: z
      .string()
      .trim()
      .max(maxPromptChars, `The negative prompt is too long: keep it to ${maxPromptChars} characters.`)
      .optional()
      .transform((value) => value || undefined),
    stylePreset: z.enum(stylePresets).default('none'),
    seed: z.number().int('The seed must be a whole number.').min(0).max(maxSeed).optional(),
    variations: z.number().int().min(1, 'Ask for at least one variation.').max(maxVariations, `Ask for at most ${maxVariations} variations at a time.`).default(1),
  })
}
export type BackgroundRequest = z.infer<ReturnType<typeof backgroundRequestSchema>>
export type BackgroundRequestInput = z.input<ReturnType<typeof backgroundRequestSchema>>

export function promptWithStyle(prompt: string, style: StylePreset): string {
  const suffix = stylePresetPrompts[style]
  return suffix ? `${prompt}. ${suffix}` : prompt
}
