// Uploads one image to the project's media storage (POST /api/projects/:id/assets). The drawing only ever holds the
// returned /api/media URL, never the bytes.
import { z } from 'zod'

const uploaded = z.object({ id: z.string().min(1), url: z.string().min(1), width: z.number(), height: z.number(), mime: z.string() })
export type UploadedMedia = z.infer<typeof uploaded>

const failure = z.object({ error: z.object({ code: z.string(), message: z.string() }) })

export class UploadError extends Error {
  constructor(message: string, readonly code: string) {
    super(message)
    this.name = 'UploadError'
  }
}

/**
 * `origin: 'human'` marks the editor's own render of a drawing for the provenance ledger; other uploads are imported.
 * `parentAssetIds` (with 'human') names the generated layers the drawing was made over, so the server records the
 * render as AI-assisted.
 */
export async function uploadMedia(
  projectId: string,
  file: Blob,
  filename: string,
  signal?: AbortSignal,
  origin?: 'human',
  parentAssetIds: readonly string[] = [],
): Promise<UploadedMedia> {
  let response: Response
  try {
    response = await fetch(`/api/projects/${encodeURIComponent(projectId)}/assets`, {
      method: 'POST',
      body: file,
      // Header values must be ASCII: the server reads the name URI-decoded only for display.
      headers: {
        'Content-Type': file.type || 'application/octet-stream',
        'X-Filename': encodeURIComponent(filename),
        ...(origin ? { 'X-Storyreel-Origin': origin } : {}),
        ...(origin && parentAssetIds.length > 0 ? { 'X-Storyreel-Parents': parentAssetIds.join(',') } : {}),
      },
      signal,
    })
  } catch (error) {
    if (signal?.aborted) throw error
    throw new UploadError('Could not reach the server to upload the image. Check your connection and try again.', 'network')
  }
  const body: unknown = await response.json().catch(() => null)
  if (response.ok) {
    const parsed = uploaded.safeParse(body)
    if (parsed.success) return parsed.data
    throw new UploadError('The server accepted the image but answered in a way we did not understand.', 'bad_response')
  }
  const error = failure.safeParse(body)
  throw new UploadError(error.success ? error.data.error.message : `The upload failed (HTTP ${response.status}).`, error.success ? error.data.error.code : 'http')
}

/** Where a stored image is served from; also what tldraw keeps as the asset's src. */
export const mediaUrl = (assetId: string) => `/api/media/${encodeURIComponent(assetId)}`
