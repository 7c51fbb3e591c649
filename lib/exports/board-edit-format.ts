import { z } from 'zod'

// Which timeline the board-edit download writes, shared by the export menu (building the link) and the route
// (reading it), kept apart from the zip writer so the menu does not ship it to the browser.

export const boardEditFormats = ['xmeml', 'fcpxml'] as const
export type BoardEditFormat = (typeof boardEditFormats)[number]

export const boardEditQuery = z.strictObject({ format: z.enum(boardEditFormats, { error: 'Choose format=xmeml (Premiere) or format=fcpxml (Final Cut).' }) })

export function boardEditUrl(projectId: string, format: BoardEditFormat): string {
  return `/api/projects/${encodeURIComponent(projectId)}/exports/board-edit.zip?format=${format}`
}
