import { applyShotListImport } from '@/lib/exports/apply-shot-list-import'
import { parseShotListCsv, type ImportShotListOutcome } from '@/lib/exports/shot-list-csv-import'
import { requireRole, requireSignedIn, type Actor } from '@/server/auth/require-role'
import { getProject } from '../projects/get-project'
import { changeBoard } from './change-board'
import { frameRateOf } from './read-board'

export type { ImportShotListOutcome }

/**
 * Editors and owners. Appends the shot list in `csv` to the board as new scenes, or — when any row is wrong — changes
 * nothing and answers every problem with its row and column. The whole import is one change of the live board, so
 * everyone sees it arrive at once and one undo removes it.
 */
export async function importShotList(params: { actor: Actor | null; projectId: string; csv: string }): Promise<ImportShotListOutcome> {
  const actor = requireSignedIn(params.actor)
  // Checked before parsing, so a viewer learns nothing about their file and costs us no parse.
  await requireRole(actor, { projectId: params.projectId }, 'editor')
  const project = await getProject({ actor, projectId: params.projectId })
  const parsed = parseShotListCsv(params.csv, frameRateOf(project))
  if (!parsed.ok) return parsed
  const { result } = await changeBoard({ actor, projectId: project.id, change: (board) => applyShotListImport(board, parsed.plan) })
  return { ok: true, scenes: result.sceneIds.length, shots: result.shots, panels: result.panels, warnings: parsed.plan.warnings }
}
