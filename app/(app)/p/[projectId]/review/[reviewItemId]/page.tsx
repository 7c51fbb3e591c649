// One review item: the review room (player, versions, notes) for members; ?v=<n> picks the version, ?c=<commentId>
// opens on a note (links from the inbox).
import type { Metadata } from 'next'
import Link from 'next/link'
import { ChevronLeft } from 'lucide-react'
import { roleAtLeast } from '@/lib/roles'
import { orNotFound } from '@/app/_lib/session'
import { loadProject } from '@/app/_lib/loaders'
import { maxUploadBytesFromEnv } from '@/server/media/upload/upload-limits'
import { getReviewRoom } from '@/server/services/review/get-review-room'
import { MemberReviewRoom } from './_components/member-review-room'

export const metadata: Metadata = { title: 'Review' }

export default async function ReviewItemPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; reviewItemId: string }>
  searchParams: Promise<{ v?: string; c?: string }>
}) {
  const { projectId, reviewItemId } = await params
  const { v, c } = await searchParams
  const { actor, project } = await loadProject(projectId)
  const room = await orNotFound(getReviewRoom({ actor, projectId, reviewItemId }))
  const requested = Number(v)
  const canEdit = roleAtLeast(room.role, 'editor') && !room.projectArchived
  return (
    <main className="mx-auto flex w-full max-w-[1500px] flex-col gap-4 px-6 py-6">
      <Link href={`/p/${projectId}/review`} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> All reviews
      </Link>
      <MemberReviewRoom
        projectId={projectId}
        reviewItemId={room.item.id}
        title={room.item.title}
        timing={room.timing}
        versions={room.versions}
        initialVersionNumber={Number.isInteger(requested) && requested > 0 ? requested : undefined}
        focusCommentId={typeof c === 'string' && c.length <= 100 ? c : undefined}
        viewer={{ kind: 'member', userId: actor.userId, name: actor.name ?? actor.email, role: project.role }}
        canEdit={canEdit}
        maxUploadBytes={maxUploadBytesFromEnv()}
      />
    </main>
  )
}
