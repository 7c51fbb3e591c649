// GET /tldraw-assets/<folder>/<file> — tldraw's fonts, icons, translations and embed icons, served from the installed
// @tldraw/assets package so the editor never reaches for a CDN (offline installs, no third-party requests).
import { createReadStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import path from 'node:path'
import { Readable } from 'node:stream'

export const runtime = 'nodejs'

const root = path.join(process.cwd(), 'node_modules', '@tldraw', 'assets')
const folders = new Set(['fonts', 'icons', 'translations', 'embed-icons'])
const types: Record<string, string> = {
  '.woff2': 'font/woff2',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
}
// One safe file-name segment: no dots at the start (so no "..") and nothing that could mean another directory.
const segment = /^[A-Za-z0-9_-][A-Za-z0-9_.-]{0,100}$/

export async function GET(_request: Request, context: { params: Promise<{ path: string[] }> }): Promise<Response> {
  const parts = (await context.params).path
  const [folder, ...rest] = parts
  if (!folder || !folders.has(folder) || rest.length === 0 || !parts.every((part) => segment.test(part))) return notFound()
  const file = path.join(root, ...parts)
  const type = types[path.extname(file)]
  if (!type || !file.startsWith(root + path.sep)) return notFound()
  const info = await stat(file).catch(() => null)
  if (!info?.isFile()) return notFound()
  const body = Readable.toWeb(createReadStream(file)) as ReadableStream<Uint8Array>
  return new Response(body, {
    headers: {
      'Content-Type': type,
      'Content-Length': String(info.size),
      // The files change only with the pinned @tldraw/assets version; a day is long enough and survives an upgrade.
      'Cache-Control': 'public, max-age=86400, stale-while-revalidate=604800',
      'X-Content-Type-Options': 'nosniff',
      // SVG icons are loaded as images or masks, never as documents that could run script.
      ...(type === 'image/svg+xml' ? { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'" } : {}),
    },
  })
}

const notFound = () => new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } })
