// A saved version's outline, read-only: scenes, their shots, and each shot's panel thumbnails.
import type { SnapshotPreview as Preview } from '@/lib/schemas/boards'
import { PanelFrame } from '../panel-frame'

export function SnapshotPreview({ preview, aspect }: { preview: Preview; aspect: number }) {
  if (preview.scenes.length === 0) return <p className="text-sm text-muted-foreground">This version of the board is empty.</p>
  return (
    <div className="flex flex-col gap-4" aria-label={`Preview of ${preview.name}`} data-testid="snapshot-preview">
      {preview.scenes.map((scene) => (
        <section key={scene.id} className="flex flex-col gap-2">
          <h4 className="text-sm font-semibold">
            Scene {scene.number}
            {scene.heading ? <span className="font-normal text-muted-foreground"> · {scene.heading}</span> : null}
          </h4>
          <ul className="flex flex-col gap-2">
            {scene.shots.map((shot) => (
              <li key={shot.id} className="rounded-md border border-border p-2" data-testid="snapshot-preview-shot">
                <p className="text-xs">
                  <span className="font-mono font-semibold">Shot {shot.number}</span>
                  {shot.description ? <span className="text-muted-foreground"> · {shot.description}</span> : null}
                </p>
                <div className="mt-2 grid grid-cols-4 gap-2">
                  {shot.panels.map((panel) => (
                    <PanelFrame key={panel.id} thumbnailAssetId={panel.thumbnailAssetId} number={panel.index} aspect={aspect} />
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
