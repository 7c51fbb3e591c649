/** Placeholder cards while the board document arrives, so an empty board is never shown by mistake. */
export function BoardLoading() {
  return (
    <div className="flex flex-col gap-4" aria-busy="true" aria-label="Loading the board">
      <div className="h-7 w-64 animate-pulse rounded-md bg-muted" />
      <div className="flex gap-3 rounded-xl border border-border bg-surface/60 p-3">
        {[0, 1, 2].map((i) => (
          <div key={i} className="aspect-video w-52 animate-pulse rounded-lg bg-muted" />
        ))}
      </div>
    </div>
  )
}
