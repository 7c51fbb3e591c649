/** Where an asset's bytes are served (app/api/media/[assetId]/route.ts). Relative, so it works behind any host. */
export function mediaUrl(assetId: string, options: { download?: boolean } = {}): string {
  return `/api/media/${encodeURIComponent(assetId)}${options.download ? '?download=1' : ''}`
}
