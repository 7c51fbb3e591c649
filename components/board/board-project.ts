import type { Role } from '@/lib/roles'

/** What the board and shot list need to know about their project; plain data so a server page can pass it. */
export interface BoardProject {
  id: string
  name: string
  frameRate: { numerator: number; denominator: number }
  /** The project resolution, for the placeholder frame's aspect ratio. */
  width: number
  height: number
  role: Role
}

/** Why this person cannot change the board, or null when they can. */
export function readOnlyReasonFor(project: BoardProject, collabReadOnly: boolean): string | null {
  if (project.role === 'viewer') return 'You are a viewer: you can look at the board but not change it.'
  if (project.role === 'commenter') return 'You are a commenter: you can look at the board but not change it.'
  // Archived projects stay editable for owners and editors; anything else the server decides, and says so here.
  if (collabReadOnly) return 'This board is read-only for you.'
  return null
}
