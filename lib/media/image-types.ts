// The raster formats we accept for panel, reference and drawing images. SVG is refused on purpose: it can carry
// script, and a browser opening one straight from our origin would run it.
export const acceptedImageMimes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const

export type ImageMime = (typeof acceptedImageMimes)[number]

export const imageExtensions: Record<ImageMime, string> = {
  'image/png': 'png',
  'image/jpeg': 'jpg',
  'image/webp': 'webp',
  'image/gif': 'gif',
}

export const acceptedImageList = 'PNG, JPEG, WebP or GIF'
