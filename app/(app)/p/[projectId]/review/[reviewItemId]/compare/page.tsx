// Two versions of a review item side by side, frame-locked: /compare?a=<n>&b=<m> (defaults: the two latest).
import type { Metadata } from 'next'
import Link from 'next/link'
import { ChevronLeft } from 'lucide-react'
import { CompareView, type CompareSide } from '@/components/review/compare/compare-view'
import { versionClock } from '@/components/review/review-room/room-clock'
import { VersionStatusBadge } from '@/components/review/versions/version-status-badge'
import { EmptyState } from '@/components/ui/empty-state'
import { Columns2 } from 'lucide-react'
import { orNotFound } from '@/app/_lib/session'
import { loadProject } from '@/app/_lib/loaders'
import { getReviewRoom, type ReviewRoomData } from '@/server/services/review/get-review-room'
import { listComments } from '@/server/services/review/list-comments'
import { cn } from '@/components/ui/cn'

export const metadata: Metadata = { title: 'Compare versions' }

type RoomVersion = ReviewRoomData['versions'][number]

export default async function CompareVersionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ projectId: string; reviewItemId: string }>
  searchParams: Promise<{ a?: string; b?: string }>
}) {
  const { projectId, reviewItemId } = await params
  const query = await searchParams
  const { actor } = await loadProject(projectId)
  const room = await orNotFound(getReviewRoom({ actor, projectId, reviewItemId }))
  const playable = room.versions.filter((version) => version.processing === 'ready' && version.proxyUrl)
  const back = `/p/${projectId}/review/${reviewItemId}`
  const pick = (wanted: string | undefined, fallback: RoomVersion | undefined) => playable.find((version) => version.number === Number(wanted)) ?? fallback
  const b = pick(query.b, playable[playable.length - 1])
  const a = pick(query.a, playable.filter((version) => version !== b).at(-1))

  async function side(version: RoomVersion): Promise<CompareSide> {
    const clock = versionClock(version, room.timing)
    const comments = (await listComments({ actor, projectId, versionId: version.id })).filter((comment) => comment.parentId === null)
    return {
      label: `v${version.number}`,
      src: version.proxyUrl!,
      poster: version.posterUrl,
      rate: clock.rate,
      startTimecode: clock.startTimecode,
      frameCount: version.frameCount,
      width: version.width,
      height: version.height,
      filmstrip: version.filmstrip,
      markers: comments.map((comment) => ({ id: comment.id, frameIn: comment.frameIn, frameOut: comment.frameOut, label: `${comment.authorName}: ${comment.body.slice(0, 80)}`, resolved: comment.resolvedAt !== null })),
      annotations: comments.filter((comment) => comment.annotation).map((comment) => ({ id: comment.id, frameIn: comment.frameIn, frameOut: comment.frameOut, shapes: comment.annotation! })),
    }
  }

  return (
    <main className="mx-auto flex w-full max-w-[1600px] flex-col gap-4 px-6 py-6">
      <Link href={back} className="inline-flex w-fit items-center gap-1 rounded-sm text-sm text-muted-foreground hover:text-foreground">
        <ChevronLeft aria-hidden className="size-4" /> Back to {room.item.title}
      </Link>
      {!a || !b || a === b ? (
        <EmptyState
          icon={Columns2}
          title="Two playable versions are needed to compare"
          description="Upload another version of this cut (or wait until it has finished processing), then compare them side by side here."
        />
      ) : (
        <>
          <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
            <h2 className="text-lg font-semibold tracking-tight">{room.item.title}</h2>
            <VersionPicker label="Left" current={a} other={b} versions={playable} href={(number) => `?a=${number}&b=${b.number}`} />
            <VersionPicker label="Right" current={b} other={a} versions={playable} href={(number) => `?a=${a.number}&b=${number}`} />
          </div>
          <CompareView key={`${a.id}:${b.id}`} left={await side(a)} right={await side(b)} />
        </>
      )}
    </main>
  )
}

function VersionPicker({ label, current, other, versions, href }: { label: string; current: RoomVersion; other: RoomVersion; versions: RoomVersion[]; href: (number: number) => string }) {
  return (
    <nav aria-label={`${label} version`} className="flex items-center gap-1.5 text-sm">
      <span className="text-muted-foreground">{label}</span>
      {versions.map((version) => (
        <Link
          key={version.id}
          href={href(version.number)}
          aria-current={version.id === current.id ? 'true' : undefined}
          aria-disabled={version.id === other.id || undefined}
          className={cn(
            'rounded-md px-2 py-0.5 font-medium',
            version.id === current.id ? 'bg-primary text-primary-foreground' : 'text-muted-foreground hover:bg-muted hover:text-foreground',
            version.id === other.id && 'pointer-events-none opacity-40',
          )}
        >
          v{version.number}
        </Link>
      ))}
      <VersionStatusBadge status={current.status} className="ml-1" />
    </nav>
  )
}
