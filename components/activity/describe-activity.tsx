import { frameRateById, frameRateIds, type FrameRateId } from '@/lib/frame-rates'
import { roleLabels, roles, type Role } from '@/lib/roles'
import type { ActivityEntry } from '@/lib/schemas/activity'

export type ActivityItem = ActivityEntry

// The data keys each kind is written with (server/services/**). Read defensively: an entry outlives the code
// that wrote it, and the sentence should still read well when a field is missing.
function text(data: Record<string, unknown>, key: string): string | null {
  const value = data[key]
  return typeof value === 'string' && value.trim() ? value : null
}

function role(data: Record<string, unknown>, key: string): string | null {
  const value = text(data, key)
  if (!value) return null
  return (roles as readonly string[]).includes(value) ? roleLabels[value as Role].toLowerCase() : value
}

function frameRateLabel(data: Record<string, unknown>): string | null {
  const id = text(data, 'frameRate')
  return id && (frameRateIds as string[]).includes(id) ? frameRateById(id as FrameRateId).label : null
}

const reviewStatusLabels: Record<string, string> = { in_review: 'in review', changes_requested: 'changes requested', approved: 'approved' }

function reviewStatusLabel(status: string | null): string {
  return (status && reviewStatusLabels[status]) ?? 'a new status'
}

function versionLabel(data: Record<string, unknown>): string {
  return typeof data.number === 'number' ? `v${data.number}` : 'a version'
}

const Strong = ({ children }: { children: React.ReactNode }) => <strong className="font-medium text-foreground">{children}</strong>

/** The sentence after the actor's name, e.g. "created project Night Shoot at 29.97 fps drop-frame". */
export function describeActivity(item: ActivityItem): React.ReactNode {
  const { data } = item
  // The name the project had at the time, so "created X" still reads true after a rename.
  const project = <Strong>{text(data, 'name') ?? item.projectName ?? 'a project'}</Strong>
  const member = <Strong>{text(data, 'name') ?? 'a former member'}</Strong>
  const email = text(data, 'email')

  switch (item.kind) {
    case 'workspace.created':
      return <>created the workspace <Strong>{text(data, 'name') ?? ''}</Strong></>
    case 'workspace.renamed':
      return <>renamed the workspace{text(data, 'from') ? <> from <Strong>{text(data, 'from')}</Strong></> : null} to <Strong>{text(data, 'to') ?? 'a new name'}</Strong></>
    case 'project.created': {
      const rate = frameRateLabel(data)
      return <>created project {project}{rate ? <> at {rate}</> : null}</>
    }
    case 'project.renamed':
      return <>renamed project <Strong>{text(data, 'from') ?? 'a project'}</Strong> to <Strong>{text(data, 'to') ?? item.projectName ?? 'a new name'}</Strong></>
    case 'project.archived':
      return <>archived project {project}</>
    case 'project.unarchived':
      return <>restored project {project} from the archive</>
    case 'member.invited':
      return <>invited {email ? <Strong>{email}</Strong> : 'someone by link'}{role(data, 'role') ? <> as {role(data, 'role')}</> : null}</>
    case 'member.joined':
      return <>joined the workspace{role(data, 'role') ? <> as {role(data, 'role')}</> : null}</>
    case 'member.role_changed':
      return <>changed {member}’s role{role(data, 'from') ? <> from {role(data, 'from')}</> : null} to {role(data, 'to') ?? 'a new role'}</>
    case 'member.removed':
      return data.left === true ? <>left the workspace</> : <>removed {member} from the workspace</>
    case 'invitation.revoked':
      return <>revoked {email ? <>the invitation for <Strong>{email}</Strong></> : <>an invitation link{role(data, 'role') ? <> for a {role(data, 'role')}</> : null}</>}</>
    case 'board.snapshot_created':
      return <>saved the board of <Strong>{item.projectName ?? 'a project'}</Strong> as version <Strong>{text(data, 'name') ?? 'untitled'}</Strong></>
    case 'board.snapshot_restored':
      return <>restored the board of <Strong>{item.projectName ?? 'a project'}</Strong> to version <Strong>{text(data, 'name') ?? 'untitled'}</Strong></>
    case 'review.item_created':
      return <>opened <Strong>{text(data, 'title') ?? 'a review'}</Strong> for review</>
    case 'review.version_added':
      return <>added {versionLabel(data)} of <Strong>{text(data, 'title') ?? 'a review'}</Strong></>
    case 'review.status_changed':
      return <>marked {versionLabel(data)} of <Strong>{text(data, 'title') ?? 'a review'}</Strong> as {reviewStatusLabel(text(data, 'to'))}{data.guestId ? ' through a share link' : null}</>
    case 'review.link_created':
      return <>shared <Strong>{text(data, 'title') ?? 'a review'}</Strong> by link{data.passwordProtected === true ? ' with a password' : null}</>
    case 'review.link_revoked':
      return <>turned off a share link of <Strong>{text(data, 'title') ?? 'a review'}</Strong></>
    case 'animatic.render_requested':
      return <>started rendering the animatic of <Strong>{item.projectName ?? 'a project'}</Strong>{text(data, 'resolution') ? <> at {text(data, 'resolution')}</> : null}</>
    case 'animatic.rendered':
      return <>rendered the animatic of <Strong>{item.projectName ?? 'a project'}</Strong> into review as {versionLabel(data)}</>
    default:
      return <>made a change ({item.kind})</>
  }
}
