// Every kind of activity row the services write, so pages can describe each one and nothing is left unnamed.
export const activityKinds = [
  'workspace.created',
  'workspace.renamed',
  'project.created',
  'project.renamed',
  'project.archived',
  'project.unarchived',
  'member.invited',
  'member.joined',
  'member.role_changed',
  'member.removed',
  'invitation.revoked',
  'board.snapshot_created',
  'board.snapshot_restored',
  'review.item_created',
  'review.version_added',
  'review.status_changed',
  'review.link_created',
  'review.link_revoked',
  'animatic.render_requested',
  'animatic.rendered',
] as const

export type ActivityKind = (typeof activityKinds)[number]

export const activityListLimit = { default: 50, max: 200 } as const

/** One entry of the activity feed, as listActivity returns it and the feed renders it. */
export interface ActivityEntry {
  id: string
  kind: string
  /** Name (or email) of who did it; null when that account no longer exists. */
  actorName: string | null
  projectId: string | null
  projectName: string | null
  data: Record<string, unknown>
  createdAt: Date
}
