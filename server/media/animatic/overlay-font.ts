import { createRequire } from 'node:module'
import path from 'node:path'
import { GlobalFonts } from '@napi-rs/canvas'

// Burnt-in text must look the same on every server, so it uses DejaVu Sans from the dejavu-fonts-ttf package rather
// than whatever fonts the machine happens to have (a bare container has none).

export const overlayFontFamily = 'Storyreel Overlay'

let registered = false

export function registerOverlayFont(): string {
  if (registered) return overlayFontFamily
  const require = createRequire(path.join(process.cwd(), 'package.json'))
  const folder = path.join(path.dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf')
  GlobalFonts.registerFromPath(path.join(folder, 'DejaVuSans.ttf'), overlayFontFamily)
  GlobalFonts.registerFromPath(path.join(folder, 'DejaVuSans-Bold.ttf'), overlayFontFamily)
  registered = true
  return overlayFontFamily
}
