// The access matrix: every server action, called through its real export, by every kind of caller.
// If an action forgets its role check, a "—" cell below turns into "ok" and this file fails.
import crypto from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { asc, eq } from 'drizzle-orm'
import { openTestDatabase } from '@/db/test-database'
import type { DatabaseHandle } from '@/db/client'
import { getDb } from '@/db'
import { activity, assets, backgroundGenerations, docPanels, invitations, memberships, projects, reviewVersions, users, workspaces } from '@/db/schema'
import { closeJobQueue } from '@/server/jobs/queue'
import type { Role } from '@/lib/roles'
import { runAsActor } from '@/server/auth/actor-context'
import type { Actor } from '@/server/auth/require-role'
import { createInvitation } from '@/server/services/members/create-invitation'
import { createProject } from '@/server/services/projects/create-project'
import { listActivity } from '@/server/services/activity/list-activity'
import { listInvitations } from '@/server/services/members/list-invitations'
import { listMembers } from '@/server/services/members/list-members'
import { getProject } from '@/server/services/projects/get-project'
import { listProjects } from '@/server/services/projects/list-projects'
import { getWorkspace } from '@/server/services/workspaces/get-workspace'
import { addMember, outcome, seedTeam, seedUser } from '@/server/services/testing/fixtures'
import { createSnapshot } from '@/server/services/boards/create-snapshot'
import { signUpAction } from './auth/sign-up'
import { createSnapshotAction } from './boards/create-snapshot'
import { getSnapshotPreviewAction } from './boards/get-snapshot-preview'
import { listSnapshotsAction } from './boards/list-snapshots'
import { restoreSnapshotAction } from './boards/restore-snapshot'
import { acceptInvitationAction } from './members/accept-invitation'
import { changeMemberRoleAction } from './members/change-member-role'
import { createInvitationAction } from './members/create-invitation'
import { removeMemberAction } from './members/remove-member'
import { revokeInvitationAction } from './members/revoke-invitation'
import { archiveProjectAction } from './projects/archive-project'
import { createProjectAction } from './projects/create-project'
import { renameProjectAction } from './projects/rename-project'
import { createWorkspaceAction } from './workspaces/create-workspace'
import { renameWorkspaceAction } from './workspaces/rename-workspace'
import { createComment } from '@/server/services/review/create-comment'
import { createShareLink } from '@/server/services/review/create-share-link'
import { seedReview, seedVideoAsset } from '@/server/services/review/review-fixtures'
import { createCommentAction } from './review/create-comment'
import { createReviewItemAction } from './review/create-review-item'
import { createReviewVersionAction } from './review/create-review-version'
import { createShareLinkAction } from './review/create-share-link'
import { deleteCommentAction } from './review/delete-comment'
import { editCommentAction } from './review/edit-comment'
import { exportCommentMarkersAction } from './review/export-comment-markers'
import { getReviewItemAction } from './review/get-review-item'
import { listCommentsAction } from './review/list-comments'
import { listReviewItemsAction } from './review/list-review-items'
import { listShareLinksAction } from './review/list-share-links'
import { reopenCommentAction } from './review/reopen-comment'
import { replyToCommentAction } from './review/reply-to-comment'
import { resolveCommentAction } from './review/resolve-comment'
import { revokeShareLinkAction } from './review/revoke-share-link'
import { setVersionStatusAction } from './review/set-version-status'
import { getVersionProcessingAction } from './review/get-version-processing'
import { retryVersionProcessingAction } from './review/retry-version-processing'
import type { ActionResult } from './run-action'
import { listMyMentionsAction } from './inbox/list-my-mentions'
import { markMentionsReadAction } from './inbox/mark-mentions-read'
import { getReviewRoomAction } from './review/get-review-room'
import { listMentionCandidatesAction } from './review/list-mention-candidates'
import { requestAnimaticRender } from '@/server/services/animatic/request-animatic-render'
import { cancelAnimaticRenderAction } from './animatic/cancel-animatic-render'
import { getAnimaticRenderAction } from './animatic/get-animatic-render'
import { requestAnimaticRenderAction } from './animatic/request-animatic-render'
import { startBackgroundGenerationAction } from './ai/start-background-generation'
import { getBackgroundGenerationAction } from './ai/get-background-generation'
import { cancelBackgroundGenerationAction } from './ai/cancel-background-generation'
import { chooseBackgroundVariationAction } from './ai/choose-background-variation'
import { declareAiUseAction } from './provenance/declare-ai-use'

const callers = ['owner', 'editor', 'commenter', 'viewer', 'non-member', 'signed-out'] as const
type Caller = (typeof callers)[number]
type Outcome = 'ok' | 'FORBIDDEN' | 'NOT_FOUND' | 'UNAUTHENTICATED'

const ok = 'ok' as const
const forbidden = 'FORBIDDEN' as const // a member below the needed role
const hidden = 'NOT_FOUND' as const // not a member: the workspace's ids reveal nothing
const signIn = 'UNAUTHENTICATED' as const

/** Everything a case can reach: one workspace with a person in each role, and a foreign workspace. */
interface World {
  workspaceId: string
  members: Record<Role, Actor>
  stranger: Actor
  foreign: { workspaceId: string; projectId: string; invitationId: string; member: Actor }
}

interface Arrangement {
  input: Record<string, unknown>
  /** Some cases need a fresh person in the caller's role (leaving, accepting) so the shared world stays intact. */
  actor?: Actor | null
}

interface ActionCase {
  name: string
  action: (input: unknown) => Promise<ActionResult<unknown>>
  /** Fresh targets in the shared workspace for one call, so cases never depend on each other. */
  arrange: (world: World, caller: Caller) => Promise<Arrangement>
  expected: Record<Caller, Outcome>
}

const row = (owner: Outcome, editor: Outcome, commenter: Outcome, viewer: Outcome, nonMember: Outcome, signedOut: Outcome): Record<Caller, Outcome> => ({
  owner,
  editor,
  commenter,
  viewer,
  'non-member': nonMember,
  'signed-out': signedOut,
})

/** A project with one saved board version, for the version actions. */
async function freshSnapshot(world: World): Promise<{ projectId: string; snapshotId: string }> {
  const projectId = await freshProject(world)
  const { snapshotId } = await createSnapshot({ actor: world.members.owner, projectId, name: 'Saved' })
  return { projectId, snapshotId }
}

const unique = () => crypto.randomBytes(4).toString('hex')
const tokenOf = (url: string) => url.split('/invite/')[1]!

async function freshProject(world: World): Promise<string> {
  const { projectId } = await createProject({ actor: world.members.owner, workspaceId: world.workspaceId, name: `P ${unique()}`, frameRate: '24', resolution: '1920x1080' })
  return projectId
}

async function freshMember(world: World, role: Role, label = 'Member'): Promise<Actor> {
  const person = await seedUser(`${label} ${unique()}`)
  await addMember(world.workspaceId, person, role)
  return person
}

/** A caller in the given role who may be changed by the case: a new person, so the shared world stays as it is. */
async function freshCaller(world: World, caller: Caller): Promise<Actor | null> {
  if (caller === 'signed-out') return null
  if (caller === 'non-member') return seedUser(`Outsider ${unique()}`)
  return freshMember(world, caller, caller)
}

/** A project with a review item and its v1, made by the owner, for the review actions. */
const freshReview = (world: World) => seedReview({ owner: world.members.owner, workspaceId: world.workspaceId })

/** A queued (never run) animatic render of a fresh project, asked for by the owner. */
async function freshRender(world: World): Promise<{ projectId: string; jobId: string }> {
  const projectId = await freshProject(world)
  const { jobId } = await requestAnimaticRender({ actor: world.members.owner, projectId, resolution: '720p', captions: false, overlays: false, audioAssetId: null })
  return { projectId, jobId }
}

/** A comment on a fresh review by `author` (a commenter when the caller could not have written one). */
async function freshComment(world: World, author: Actor): Promise<{ projectId: string; commentId: string }> {
  const { projectId, versionId } = await freshReview(world)
  const { commentId } = await createComment({ actor: author, projectId, versionId, frameIn: 0, body: 'Note' })
  return { projectId, commentId }
}

/** The caller writes the comment when its role lets it comment, so "own only" rules are what the row tests. */
const ownCommentAuthor = (world: World, caller: Caller): Actor =>
  caller === 'owner' || caller === 'editor' || caller === 'commenter' ? world.members[caller] : world.members.commenter

/** A panel of a fresh project, as the board document would have registered it. */
async function freshPanel(world: World): Promise<{ projectId: string; panelId: string }> {
  const projectId = await freshProject(world)
  const panelId = `panel-${unique()}`
  await (await getDb()).insert(docPanels).values({ panelId, projectId })
  return { projectId, panelId }
}

/** A finished background generation with one stored variation, written directly so no job has to run. */
async function freshGeneration(owner: Actor, workspaceId: string, projectId: string): Promise<{ projectId: string; generationId: string; assetId: string }> {
  const db = await getDb()
  const panelId = `panel-${unique()}`
  await db.insert(docPanels).values({ panelId, projectId })
  const [asset] = await db
    .insert(assets)
    .values({ workspaceId, projectId, kind: 'image', storageKey: `projects/${projectId}/x/original`, originalName: 'background-1.png', mime: 'image/png', bytes: 1, sha256: 'x', width: 16, height: 9 })
    .returning({ id: assets.id })
  const result = { images: [{ assetId: asset!.id, width: 16, height: 9, seed: 1 }], provider: 'offline', model: 'backdrop-1', offline: true, generatorLabel: 'Offline', warnings: [] }
  const [generation] = await db
    .insert(backgroundGenerations)
    .values({ workspaceId, projectId, panelId, requestedBy: owner.userId, request: { prompt: 'field' }, result })
    .returning({ id: backgroundGenerations.id })
  return { projectId, generationId: generation!.id, assetId: asset!.id }
}

/** An image row of a fresh project (no bytes behind it; nothing here serves it). */
async function freshAsset(world: World): Promise<{ projectId: string; assetId: string }> {
  const projectId = await freshProject(world)
  const [project] = await (await getDb()).select({ workspaceId: projects.workspaceId }).from(projects).where(eq(projects.id, projectId))
  const [asset] = await (await getDb())
    .insert(assets)
    .values({ workspaceId: project!.workspaceId, projectId, kind: 'image', storageKey: `projects/${projectId}/${unique()}/original`, originalName: 'poster.png', mime: 'image/png', bytes: 1, sha256: 'x', width: 16, height: 9 })
    .returning({ id: assets.id })
  return { projectId, assetId: asset!.id }
}

const matrix: ActionCase[] = [
  {
    name: 'signUpAction',
    action: signUpAction,
    arrange: async () => ({ input: { name: 'New Person', email: `new-${unique()}@example.test`, password: 'correct horse battery' } }),
    //             owner editor commenter viewer non-member signed-out
    expected: row(ok, ok, ok, ok, ok, ok),
  },
  {
    name: 'createWorkspaceAction',
    action: createWorkspaceAction,
    arrange: async () => ({ input: { name: 'Another workspace' } }),
    expected: row(ok, ok, ok, ok, ok, signIn),
  },
  {
    name: 'renameWorkspaceAction',
    action: renameWorkspaceAction,
    arrange: async (world) => ({ input: { workspaceId: world.workspaceId, name: `Renamed ${unique()}` } }),
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'createProjectAction',
    action: createProjectAction,
    arrange: async (world) => ({ input: { workspaceId: world.workspaceId, name: 'Pilot', frameRate: '29.97DF', resolution: '1920x1080', startTimecode: '00:59:58;00' } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'renameProjectAction',
    action: renameProjectAction,
    arrange: async (world) => ({ input: { projectId: await freshProject(world), name: `Renamed ${unique()}` } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'archiveProjectAction',
    action: archiveProjectAction,
    arrange: async (world) => ({ input: { projectId: await freshProject(world), archived: true } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'createInvitationAction',
    action: createInvitationAction,
    arrange: async (world) => ({ input: { workspaceId: world.workspaceId, role: 'editor', expiresInDays: 3 } }),
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'revokeInvitationAction',
    action: revokeInvitationAction,
    arrange: async (world) => {
      const { invitationId } = await createInvitation({ actor: world.members.owner, workspaceId: world.workspaceId, role: 'viewer' })
      return { input: { workspaceId: world.workspaceId, invitationId } }
    },
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'acceptInvitationAction',
    action: acceptInvitationAction,
    arrange: async (world, caller) => {
      const { url } = await createInvitation({ actor: world.members.owner, workspaceId: world.workspaceId, role: 'editor' })
      return { input: { token: tokenOf(url) }, actor: await freshCaller(world, caller) }
    },
    // Holding the link is the permission: members keep their higher role, outsiders join.
    expected: row(ok, ok, ok, ok, ok, signIn),
  },
  {
    name: 'changeMemberRoleAction',
    action: changeMemberRoleAction,
    arrange: async (world) => ({ input: { workspaceId: world.workspaceId, userId: (await freshMember(world, 'viewer')).userId, role: 'editor' } }),
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'removeMemberAction (someone else)',
    action: removeMemberAction,
    arrange: async (world) => ({ input: { workspaceId: world.workspaceId, userId: (await freshMember(world, 'viewer')).userId } }),
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'removeMemberAction (leave: remove yourself)',
    action: removeMemberAction,
    arrange: async (world, caller) => {
      const actor = await freshCaller(world, caller)
      return { input: { workspaceId: world.workspaceId, userId: actor?.userId ?? world.members.viewer.userId }, actor }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'createSnapshotAction',
    action: createSnapshotAction,
    arrange: async (world) => ({ input: { projectId: await freshProject(world), name: `Version ${unique()}` } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'listSnapshotsAction',
    action: listSnapshotsAction,
    arrange: async (world) => ({ input: { projectId: (await freshSnapshot(world)).projectId } }),
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'getSnapshotPreviewAction',
    action: getSnapshotPreviewAction,
    arrange: async (world) => ({ input: await freshSnapshot(world) }),
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'restoreSnapshotAction',
    action: restoreSnapshotAction,
    arrange: async (world) => ({ input: await freshSnapshot(world) }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'createReviewItemAction',
    action: createReviewItemAction,
    arrange: async (world) => ({ input: { projectId: await freshProject(world), title: 'Director\'s cut', kind: 'cut' } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'listReviewItemsAction',
    action: listReviewItemsAction,
    arrange: async (world) => ({ input: { projectId: (await freshReview(world)).projectId } }),
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'getReviewItemAction',
    action: getReviewItemAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      return { input: { projectId, reviewItemId } }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'createReviewVersionAction',
    action: createReviewVersionAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      return { input: { projectId, reviewItemId, assetId: await seedVideoAsset({ workspaceId: world.workspaceId, projectId, durationFrames: 48 }) } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'setVersionStatusAction',
    action: setVersionStatusAction,
    arrange: async (world) => {
      const { projectId, versionId } = await freshReview(world)
      return { input: { projectId, versionId, status: 'approved' } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'getVersionProcessingAction',
    action: getVersionProcessingAction,
    arrange: async (world) => {
      const { projectId, versionId } = await freshReview(world)
      return { input: { projectId, versionId } }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'retryVersionProcessingAction',
    action: retryVersionProcessingAction,
    arrange: async (world) => {
      // A version whose processing failed, the one state a retry applies to.
      const { projectId, versionId } = await freshReview(world)
      await (await getDb()).update(reviewVersions).set({ processing: 'failed', processingError: 'Broken' }).where(eq(reviewVersions.id, versionId))
      return { input: { projectId, versionId } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'requestAnimaticRenderAction',
    action: requestAnimaticRenderAction,
    arrange: async (world) => ({ input: { projectId: await freshProject(world), resolution: '720p', captions: true, overlays: false, audioAssetId: null } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'declareAiUseAction',
    action: declareAiUseAction,
    // About a file already in the project, so the matrix needs no media storage.
    arrange: async (world) => ({ input: { ...(await freshAsset(world)), title: 'Poster', category: 'marketing', origin: 'ai_assisted', description: 'Layout suggested by a model' } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'getAnimaticRenderAction',
    action: getAnimaticRenderAction,
    arrange: async (world) => ({ input: await freshRender(world) }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'cancelAnimaticRenderAction',
    action: cancelAnimaticRenderAction,
    arrange: async (world) => ({ input: await freshRender(world) }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'listCommentsAction',
    action: listCommentsAction,
    arrange: async (world) => {
      const { projectId, versionId } = await freshReview(world)
      return { input: { projectId, versionId } }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'createCommentAction',
    action: createCommentAction,
    arrange: async (world) => {
      const { projectId, versionId } = await freshReview(world)
      return { input: { projectId, versionId, frameIn: 12, frameOut: 24, body: 'Hold this shot longer', visibility: 'client' } }
    },
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'replyToCommentAction',
    action: replyToCommentAction,
    arrange: async (world) => ({ input: { ...(await freshComment(world, world.members.commenter)), body: 'Agreed' } }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'editCommentAction (own comment)',
    action: editCommentAction,
    arrange: async (world, caller) => ({ input: { ...(await freshComment(world, ownCommentAuthor(world, caller))), body: 'Edited' } }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'editCommentAction (someone else\'s comment)',
    action: editCommentAction,
    arrange: async (world) => ({ input: { ...(await freshComment(world, await freshMember(world, 'commenter', 'Author'))), body: 'Edited' } }),
    expected: row(forbidden, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'deleteCommentAction (own comment)',
    action: deleteCommentAction,
    arrange: async (world, caller) => ({ input: await freshComment(world, ownCommentAuthor(world, caller)) }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'deleteCommentAction (someone else\'s comment: owners moderate)',
    action: deleteCommentAction,
    arrange: async (world) => ({ input: await freshComment(world, await freshMember(world, 'commenter', 'Author')) }),
    expected: row(ok, forbidden, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'resolveCommentAction',
    action: resolveCommentAction,
    arrange: async (world) => ({ input: await freshComment(world, world.members.editor) }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'reopenCommentAction',
    action: reopenCommentAction,
    arrange: async (world) => ({ input: await freshComment(world, world.members.editor) }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    name: 'createShareLinkAction',
    action: createShareLinkAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      return { input: { projectId, reviewItemId, expiresInDays: 7, canComment: true } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'listShareLinksAction',
    action: listShareLinksAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      return { input: { projectId, reviewItemId } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'revokeShareLinkAction',
    action: revokeShareLinkAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      const { shareLinkId } = await createShareLink({ actor: world.members.owner, projectId, reviewItemId })
      return { input: { projectId, shareLinkId } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'exportCommentMarkersAction',
    action: exportCommentMarkersAction,
    arrange: async (world) => {
      const { projectId, versionId } = await freshReview(world)
      return { input: { projectId, versionId, format: 'resolve-edl' } }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'getReviewRoomAction',
    action: getReviewRoomAction,
    arrange: async (world) => {
      const { projectId, reviewItemId } = await freshReview(world)
      return { input: { projectId, reviewItemId } }
    },
    expected: row(ok, ok, ok, ok, hidden, signIn),
  },
  {
    name: 'listMentionCandidatesAction',
    action: listMentionCandidatesAction,
    arrange: async (world) => ({ input: { projectId: (await freshReview(world)).projectId } }),
    expected: row(ok, ok, ok, forbidden, hidden, signIn),
  },
  {
    // Personal: it reads only the caller's own mentions, so every signed-in person may ask.
    name: 'listMyMentionsAction',
    action: listMyMentionsAction,
    arrange: async () => ({ input: {} }),
    expected: row(ok, ok, ok, ok, ok, signIn),
  },
  {
    // Personal: marks only the caller's own rows; someone else's comment id changes nothing (see the service test).
    name: 'markMentionsReadAction',
    action: markMentionsReadAction,
    arrange: async (world) => ({ input: { commentIds: [(await freshComment(world, world.members.commenter)).commentId] } }),
    expected: row(ok, ok, ok, ok, ok, signIn),
  },
  {
    name: 'startBackgroundGenerationAction',
    action: startBackgroundGenerationAction,
    arrange: async (world) => ({ input: { ...(await freshPanel(world)), prompt: 'desert road at dusk', stylePreset: 'cinematic', variations: 2 } }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'getBackgroundGenerationAction',
    action: getBackgroundGenerationAction,
    arrange: async (world) => {
      const { projectId, generationId } = await freshGeneration(world.members.owner, world.workspaceId, await freshProject(world))
      return { input: { projectId, generationId } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'cancelBackgroundGenerationAction',
    action: cancelBackgroundGenerationAction,
    arrange: async (world) => {
      const { projectId, generationId } = await freshGeneration(world.members.owner, world.workspaceId, await freshProject(world))
      return { input: { projectId, generationId } }
    },
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
  {
    name: 'chooseBackgroundVariationAction',
    action: chooseBackgroundVariationAction,
    arrange: async (world) => ({ input: await freshGeneration(world.members.owner, world.workspaceId, await freshProject(world)) }),
    expected: row(ok, ok, forbidden, forbidden, hidden, signIn),
  },
]

function callerActor(world: World, caller: Caller): Actor | null {
  if (caller === 'signed-out') return null
  if (caller === 'non-member') return world.stranger
  return world.members[caller]
}

describe('access matrix', () => {
  let handle: DatabaseHandle
  let world: World

  /** Every row a workspace action could touch, in a stable order: equal snapshots mean nothing changed. */
  async function snapshot(): Promise<string> {
    const db = handle.db
    const [w, m, i, p, a, u] = await Promise.all([
      db.select().from(workspaces).orderBy(asc(workspaces.id)),
      db.select().from(memberships).orderBy(asc(memberships.workspaceId), asc(memberships.userId)),
      db.select().from(invitations).orderBy(asc(invitations.id)),
      db.select().from(projects).orderBy(asc(projects.id)),
      db.select().from(activity).orderBy(asc(activity.id)),
      db.select().from(users).orderBy(asc(users.id)),
    ])
    return JSON.stringify({ w, m, i, p, a, u })
  }

  beforeAll(async () => {
    process.env.APP_URL = 'http://127.0.0.1:3100'
    handle = await openTestDatabase()
    const team = await seedTeam('Matrix')
    const foreignTeam = await seedTeam('Foreign')
    const foreignProject = await createProject({ actor: foreignTeam.owner, workspaceId: foreignTeam.workspaceId, name: 'Theirs', frameRate: '24', resolution: '1920x1080' })
    const foreignInvitation = await createInvitation({ actor: foreignTeam.owner, workspaceId: foreignTeam.workspaceId, role: 'viewer' })
    world = {
      workspaceId: team.workspaceId,
      members: { owner: team.owner, editor: team.editor, commenter: team.commenter, viewer: team.viewer },
      stranger: foreignTeam.owner,
      foreign: { workspaceId: foreignTeam.workspaceId, projectId: foreignProject.projectId, invitationId: foreignInvitation.invitationId, member: foreignTeam.viewer },
    }
  })
  // The retry action queues a job, which opens the process's queue on this database.
  afterAll(async () => {
    await closeJobQueue()
    await handle.close()
  })

  const cells = matrix.flatMap((testCase) => callers.map((caller) => ({ testCase, caller, expected: testCase.expected[caller] })))

  it.each(cells)('$testCase.name as $caller → $expected', async ({ testCase, caller, expected }) => {
    const arranged = await testCase.arrange(world, caller)
    const actor = arranged.actor !== undefined ? arranged.actor : callerActor(world, caller)
    const before = await snapshot()
    const result = await runAsActor(actor, () => testCase.action(arranged.input))
    expect(result.ok ? 'ok' : result.error.code, result.ok ? undefined : result.error.message).toBe(expected)
    // A refused call leaves no trace: no row written, no activity logged.
    if (expected !== 'ok') expect(await snapshot()).toBe(before)
  })

  describe('ids from a foreign workspace are NOT_FOUND and change nothing, even for an owner', () => {
    // A review in the foreign workspace (with a comment and a share link), and one of our own projects to smuggle its ids into.
    let theirs: { projectId: string; reviewItemId: string; versionId: string; assetId: string; commentId: string; shareLinkId: string }
    let ours: { projectId: string; reviewItemId: string; versionId: string }
    let theirRender: { jobId: string }
    beforeAll(async () => {
      const review = await seedReview({ owner: world.stranger, workspaceId: world.foreign.workspaceId })
      const { commentId } = await createComment({ actor: world.stranger, projectId: review.projectId, versionId: review.versionId, frameIn: 0, body: 'Theirs' })
      const { shareLinkId } = await createShareLink({ actor: world.stranger, projectId: review.projectId, reviewItemId: review.reviewItemId })
      theirs = { ...review, commentId, shareLinkId }
      theirRender = await requestAnimaticRender({ actor: world.stranger, projectId: review.projectId, resolution: '720p', captions: false, overlays: false, audioAssetId: null })
      ours = await freshReview(world)
    })
    // A generation in the foreign workspace's project, made once before any call is snapshotted.
    let theirGeneration: { generationId: string; assetId: string; panelId: string }
    beforeAll(async () => {
      const made = await freshGeneration(world.stranger, world.foreign.workspaceId, world.foreign.projectId)
      const [row] = await (await getDb()).select({ panelId: backgroundGenerations.panelId }).from(backgroundGenerations).where(eq(backgroundGenerations.id, made.generationId))
      theirGeneration = { generationId: made.generationId, assetId: made.assetId, panelId: row!.panelId }
    })
    const foreignCalls: [string, (w: World) => Promise<ActionResult<unknown>>][] = [
      ['renameWorkspaceAction(foreign workspace)', (w) => renameWorkspaceAction({ workspaceId: w.foreign.workspaceId, name: 'Taken' })],
      ['createProjectAction(foreign workspace)', (w) => createProjectAction({ workspaceId: w.foreign.workspaceId, name: 'Planted', frameRate: '24', resolution: '1920x1080' })],
      ['renameProjectAction(foreign project)', (w) => renameProjectAction({ projectId: w.foreign.projectId, name: 'Taken' })],
      ['archiveProjectAction(foreign project)', (w) => archiveProjectAction({ projectId: w.foreign.projectId, archived: true })],
      ['createInvitationAction(foreign workspace)', (w) => createInvitationAction({ workspaceId: w.foreign.workspaceId, role: 'owner' })],
      ['revokeInvitationAction(own workspace, foreign invitation)', (w) => revokeInvitationAction({ workspaceId: w.workspaceId, invitationId: w.foreign.invitationId })],
      ['revokeInvitationAction(foreign workspace, foreign invitation)', (w) => revokeInvitationAction({ workspaceId: w.foreign.workspaceId, invitationId: w.foreign.invitationId })],
      ['changeMemberRoleAction(own workspace, foreign member)', (w) => changeMemberRoleAction({ workspaceId: w.workspaceId, userId: w.foreign.member.userId, role: 'owner' })],
      ['changeMemberRoleAction(foreign workspace, foreign member)', (w) => changeMemberRoleAction({ workspaceId: w.foreign.workspaceId, userId: w.foreign.member.userId, role: 'owner' })],
      ['changeMemberRoleAction(foreign workspace, yourself)', (w) => changeMemberRoleAction({ workspaceId: w.foreign.workspaceId, userId: w.members.owner.userId, role: 'owner' })],
      ['removeMemberAction(own workspace, foreign member)', (w) => removeMemberAction({ workspaceId: w.workspaceId, userId: w.foreign.member.userId })],
      ['removeMemberAction(foreign workspace, foreign member)', (w) => removeMemberAction({ workspaceId: w.foreign.workspaceId, userId: w.foreign.member.userId })],
      ['createSnapshotAction(foreign project)', (w) => createSnapshotAction({ projectId: w.foreign.projectId, name: 'Taken' })],
      ['listSnapshotsAction(foreign project)', (w) => listSnapshotsAction({ projectId: w.foreign.projectId })],
      ['createReviewItemAction(foreign project)', () => createReviewItemAction({ projectId: theirs.projectId, title: 'Planted', kind: 'cut' })],
      ['listReviewItemsAction(foreign project)', () => listReviewItemsAction({ projectId: theirs.projectId })],
      ['getReviewItemAction(own project, foreign item)', () => getReviewItemAction({ projectId: ours.projectId, reviewItemId: theirs.reviewItemId })],
      ['createReviewVersionAction(own project and item, foreign asset)', () => createReviewVersionAction({ projectId: ours.projectId, reviewItemId: ours.reviewItemId, assetId: theirs.assetId })],
      ['createReviewVersionAction(own project, foreign item)', () => createReviewVersionAction({ projectId: ours.projectId, reviewItemId: theirs.reviewItemId, assetId: theirs.assetId })],
      ['setVersionStatusAction(own project, foreign version)', () => setVersionStatusAction({ projectId: ours.projectId, versionId: theirs.versionId, status: 'approved' })],
      ['getVersionProcessingAction(own project, foreign version)', () => getVersionProcessingAction({ projectId: ours.projectId, versionId: theirs.versionId })],
      ['retryVersionProcessingAction(own project, foreign version)', () => retryVersionProcessingAction({ projectId: ours.projectId, versionId: theirs.versionId })],
      ['listCommentsAction(own project, foreign version)', () => listCommentsAction({ projectId: ours.projectId, versionId: theirs.versionId })],
      ['createCommentAction(own project, foreign version)', () => createCommentAction({ projectId: ours.projectId, versionId: theirs.versionId, frameIn: 0, body: 'Planted' })],
      ['createCommentAction(foreign project, foreign version)', () => createCommentAction({ projectId: theirs.projectId, versionId: theirs.versionId, frameIn: 0, body: 'Planted' })],
      ['replyToCommentAction(own project, foreign comment)', () => replyToCommentAction({ projectId: ours.projectId, commentId: theirs.commentId, body: 'Planted' })],
      ['deleteCommentAction(own project, foreign comment)', () => deleteCommentAction({ projectId: ours.projectId, commentId: theirs.commentId })],
      ['resolveCommentAction(own project, foreign comment)', () => resolveCommentAction({ projectId: ours.projectId, commentId: theirs.commentId })],
      ['createShareLinkAction(own project, foreign item)', () => createShareLinkAction({ projectId: ours.projectId, reviewItemId: theirs.reviewItemId })],
      ['revokeShareLinkAction(own project, foreign link)', () => revokeShareLinkAction({ projectId: ours.projectId, shareLinkId: theirs.shareLinkId })],
      ['listShareLinksAction(own project, foreign item)', () => listShareLinksAction({ projectId: ours.projectId, reviewItemId: theirs.reviewItemId })],
      ['exportCommentMarkersAction(own project, foreign version)', () => exportCommentMarkersAction({ projectId: ours.projectId, versionId: theirs.versionId, format: 'csv' })],
      ['getReviewRoomAction(own project, foreign item)', () => getReviewRoomAction({ projectId: ours.projectId, reviewItemId: theirs.reviewItemId })],
      ['requestAnimaticRenderAction(foreign project)', () => requestAnimaticRenderAction({ projectId: theirs.projectId, resolution: '720p', captions: true, overlays: true, audioAssetId: null })],
      ['declareAiUseAction(foreign project)', async () => declareAiUseAction({ projectId: theirs.projectId, title: 'Script', category: 'script_dialogue', origin: 'ai_assisted', description: 'planted' })],
      ['declareAiUseAction(own project, foreign asset)', async () => declareAiUseAction({ projectId: ours.projectId, title: 'Script', category: 'script_dialogue', origin: 'ai_assisted', description: 'planted', assetId: theirGeneration.assetId })],
      ['getAnimaticRenderAction(own project, foreign render)', async () => getAnimaticRenderAction({ projectId: ours.projectId, jobId: theirRender.jobId })],
      ['cancelAnimaticRenderAction(own project, foreign render)', async () => cancelAnimaticRenderAction({ projectId: ours.projectId, jobId: theirRender.jobId })],
      ['listMentionCandidatesAction(foreign project)', () => listMentionCandidatesAction({ projectId: theirs.projectId })],
      ['getBackgroundGenerationAction(own project, foreign generation)', () => getBackgroundGenerationAction({ projectId: ours.projectId, generationId: theirGeneration.generationId })],
      ['cancelBackgroundGenerationAction(own project, foreign generation)', () => cancelBackgroundGenerationAction({ projectId: ours.projectId, generationId: theirGeneration.generationId })],
      ['chooseBackgroundVariationAction(own project, foreign generation)', () => chooseBackgroundVariationAction({ projectId: ours.projectId, generationId: theirGeneration.generationId, assetId: theirGeneration.assetId })],
      ['startBackgroundGenerationAction(own project, foreign panel)', () => startBackgroundGenerationAction({ projectId: ours.projectId, panelId: theirGeneration.panelId, prompt: 'planted' })],
      ['removeMemberAction(foreign workspace, yourself)', (w) => removeMemberAction({ workspaceId: w.foreign.workspaceId, userId: w.members.owner.userId })],
    ]
    it.each(foreignCalls)('%s', async (_name, call) => {
      const before = await snapshot()
      const result = await runAsActor(world.members.owner, () => call(world))
      expect(result.ok ? 'ok' : result.error.code).toBe('NOT_FOUND')
      expect(await snapshot()).toBe(before)
    })

    it('the read services the pages use answer NOT_FOUND too', async () => {
      const owner = world.members.owner
      const { workspaceId, projectId } = world.foreign
      const reads: [string, () => Promise<unknown>][] = [
        ['getWorkspace', () => getWorkspace({ actor: owner, workspaceId })],
        ['listProjects', () => listProjects({ actor: owner, workspaceId, includeArchived: true })],
        ['getProject', () => getProject({ actor: owner, projectId })],
        ['listMembers', () => listMembers({ actor: owner, workspaceId })],
        ['listInvitations', () => listInvitations({ actor: owner, workspaceId })],
        ['listActivity(foreign workspace)', () => listActivity({ actor: owner, workspaceId })],
        ['listActivity(own workspace, foreign project)', () => listActivity({ actor: owner, workspaceId: world.workspaceId, projectId })],
      ]
      for (const [name, read] of reads) expect([name, await outcome(read)]).toEqual([name, 'NOT_FOUND'])
    })
  })

  describe('extra fields are refused with BAD_REQUEST before anything happens', () => {
    it.each(matrix.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
      const arranged = await testCase.arrange(world, 'owner')
      // Actions that take a role get a different smuggled field, since role: 'owner' is a legal value there.
      const smuggled = 'role' in arranged.input ? { workspaceRole: 'owner', createdBy: world.stranger.userId } : { role: 'owner' }
      const before = await snapshot()
      const result = await runAsActor(arranged.actor !== undefined ? arranged.actor : world.members.owner, () => testCase.action({ ...arranged.input, ...smuggled }))
      expect(result).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: expect.stringMatching(/Unrecognized key/i) } })
      expect(await snapshot()).toBe(before)
    })
  })
})
