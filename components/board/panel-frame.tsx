import { ImageIcon } from 'lucide-react'

/** A panel's picture at the project's aspect ratio: its thumbnail, or a placeholder frame with the panel number. */
export function PanelFrame({ thumbnailAssetId, number, aspect }: { thumbnailAssetId: string | null; number: number; aspect: number }) {
  return (
    <div className="relative w-full overflow-hidden rounded-md border border-border bg-input" style={{ aspectRatio: aspect }}>
      {thumbnailAssetId ? (
        // eslint-disable-next-line @next/next/no-img-element -- served by our media route with its own caching
        <img src={`/api/media/${thumbnailAssetId}`} alt="" className="size-full object-cover" draggable={false} />
      ) : (
        <div className="flex size-full flex-col items-center justify-center gap-1 bg-[repeating-linear-gradient(135deg,transparent_0_10px,oklch(0.2_0.007_265)_10px_11px)] text-subtle-foreground">
          <ImageIcon className="size-5" aria-hidden />
          <span className="font-mono text-lg font-semibold">{number}</span>
        </div>
      )}
    </div>
  )
}
