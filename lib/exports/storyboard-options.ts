import { z } from 'zod'

// What a storyboard PDF can be asked for. Shared by the generator, the route (query string) and the export dialog.

export const storyboardLayouts = ['1', '2x2', '3x2', '3x3'] as const
export type StoryboardLayout = (typeof storyboardLayouts)[number]
export const orientations = ['landscape', 'portrait'] as const
export type Orientation = (typeof orientations)[number]
export const paperSizes = ['a4', 'letter'] as const
export type PaperSize = (typeof paperSizes)[number]

export const storyboardFields = ['action', 'dialogue', 'notes', 'duration', 'shotFields'] as const
export type StoryboardField = (typeof storyboardFields)[number]

export const storyboardPdfOptions = z.strictObject({
  layout: z.enum(storyboardLayouts).default('3x2'),
  orientation: z.enum(orientations).default('landscape'),
  paper: z.enum(paperSizes).default('a4'),
  action: z.boolean().default(true),
  dialogue: z.boolean().default(true),
  notes: z.boolean().default(false),
  duration: z.boolean().default(true),
  shotFields: z.boolean().default(true),
})
export type StoryboardPdfOptions = z.infer<typeof storyboardPdfOptions>

/** Points (1/72 in), width × height in portrait. */
export const paperPoints: Record<PaperSize, readonly [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] }

export function pageSize(paper: PaperSize, orientation: Orientation): [number, number] {
  const [short, long] = paperPoints[paper]
  return orientation === 'landscape' ? [long, short] : [short, long]
}

/**
 * Columns × rows. "3×2" is six panels a page either way round: three across on a landscape page, two across and three
 * down on a portrait one, so panels stay as large as the paper allows.
 */
export function gridOf(layout: StoryboardLayout, orientation: Orientation): { columns: number; rows: number } {
  switch (layout) {
    case '1': return { columns: 1, rows: 1 }
    case '2x2': return { columns: 2, rows: 2 }
    case '3x2': return orientation === 'landscape' ? { columns: 3, rows: 2 } : { columns: 2, rows: 3 }
    case '3x3': return { columns: 3, rows: 3 }
  }
}

export const panelsPerPage = (layout: StoryboardLayout) => ({ '1': 1, '2x2': 4, '3x2': 6, '3x3': 9 })[layout]
