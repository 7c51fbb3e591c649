// The size the offline generator paints at: the requested size, else the aspect ratio on a 1280-pixel long side,
// else 16:9. Bounded so a typo cannot make the server paint a billboard.

export const defaultLongSide = 1280
export const minSide = 64
export const maxSide = 2048

export function backdropSize(options: { size?: `${number}x${number}`; aspectRatio?: `${number}:${number}` }): { width: number; height: number } {
  if (options.size) {
    const [w, h] = options.size.split('x').map(Number)
    if (w && h) return { width: clamp(w), height: clamp(h) }
  }
  const [aw, ah] = (options.aspectRatio ?? '16:9').split(':').map(Number)
  const ratio = aw && ah ? aw / ah : 16 / 9
  return ratio >= 1
    ? { width: defaultLongSide, height: clamp(Math.round(defaultLongSide / ratio)) }
    : { width: clamp(Math.round(defaultLongSide * ratio)), height: defaultLongSide }
}

const clamp = (n: number) => Math.max(minSide, Math.min(maxSide, Math.round(n)))
