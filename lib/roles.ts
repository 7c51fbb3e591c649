export const roles = ['owner', 'editor', 'commenter', 'viewer'] as const
export type Role = (typeof roles)[number]

const rank: Record<Role, number> = { viewer: 0, commenter: 1, editor: 2, owner: 3 }

export function roleAtLeast(role: Role, minimum: Role): boolean {
  return rank[role] >= rank[minimum]
}

export const roleLabels: Record<Role, string> = {
  owner: 'Owner',
  editor: 'Editor',
  commenter: 'Commenter',
  viewer: 'Viewer',
}

export const roleDescriptions: Record<Role, string> = {
  owner: 'Manages members and settings, and can do everything an editor can.',
  editor: 'Creates and edits projects, boards, shot lists and reviews.',
  commenter: 'Reads everything and leaves comments.',
  viewer: 'Reads everything, changes nothing.',
}
