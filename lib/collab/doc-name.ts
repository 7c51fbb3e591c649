import { z } from 'zod'

// The only live documents there are. Anything else in /collab/<name> is refused before any state is touched.
const idPattern = /^[A-Za-z0-9_-]{1,100}$/

export const collabId = z.string().regex(idPattern, 'Ids are 1–100 letters, digits, "-" or "_".')

export type DocName =
  | { kind: 'board'; projectId: string; name: string }
  | { kind: 'panel'; panelId: string; name: string }
  // A review item's change feed: only the server writes to it (a counter per version when comments, statuses or
  // processing change); viewers of the review refetch what they may see. It carries no comment text, so guests can
  // follow it without learning anything about team-only notes.
  | { kind: 'review'; reviewItemId: string; name: string }

export const docNameSchema = z
  .string()
  .max(120)
  .transform((value, ctx): DocName => {
    const match = /^(board|panel|review):(.+)$/.exec(value)
    const id = match?.[2]
    if (!match || !id || !idPattern.test(id)) {
      ctx.addIssue({ code: 'custom', message: 'Document names are board:<projectId>, panel:<panelId> or review:<reviewItemId>.' })
      return z.NEVER
    }
    if (match[1] === 'board') return { kind: 'board', projectId: id, name: value }
    if (match[1] === 'panel') return { kind: 'panel', panelId: id, name: value }
    return { kind: 'review', reviewItemId: id, name: value }
  })

export function parseDocName(value: string): DocName | null {
  const parsed = docNameSchema.safeParse(value)
  return parsed.success ? parsed.data : null
}

export const boardDocName = (projectId: string) => `board:${collabId.parse(projectId)}`
export const panelDocName = (panelId: string) => `panel:${collabId.parse(panelId)}`
export const reviewDocName = (reviewItemId: string) => `review:${collabId.parse(reviewItemId)}`

/** The review change feed keeps one counter per version in this map, keyed by version id ('item' for the item itself). */
export const reviewChangesKey = 'changes'

/** The board document keeps its panels in this map, keyed by panel id (lib/board writes the values). */
export const boardPanelsKey = 'panels'
