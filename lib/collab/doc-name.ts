import { z } from 'zod'

// The only live documents there are. Anything else in /collab/<name> is refused before any state is touched.
const idPattern = /^[A-Za-z0-9_-]{1,100}$/

export const collabId = z.string().regex(idPattern, 'Ids are 1–100 letters, digits, "-" or "_".')

export type DocName = { kind: 'board'; projectId: string; name: string } | { kind: 'panel'; panelId: string; name: string }

export const docNameSchema = z
  .string()
  .max(120)
  .transform((value, ctx): DocName => {
    const match = /^(board|panel):(.+)$/.exec(value)
    const id = match?.[2]
    if (!match || !id || !idPattern.test(id)) {
      ctx.addIssue({ code: 'custom', message: 'Document names are board:<projectId> or panel:<panelId>.' })
      return z.NEVER
    }
    return match[1] === 'board' ? { kind: 'board', projectId: id, name: value } : { kind: 'panel', panelId: id, name: value }
  })

export function parseDocName(value: string): DocName | null {
  const parsed = docNameSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export const boardDocName = (projectId: string) => `board:${collabId.parse(projectId)}`
export const panelDocName = (panelId: string) => `panel:${collabId.parse(panelId)}`

/** The board document keeps its panels in this map, keyed by panel id (lib/board writes the values). */
export const boardPanelsKey = 'panels'
