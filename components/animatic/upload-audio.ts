// Sends one sound file to POST /api/projects/:projectId/audio with upload progress (fetch has none, so XHR), and what
// the uploader declares about it in headers. Plain browser code: no server imports.

export interface AudioTrackView {
  id: string
  name: string
  durationSeconds: number | null
  category: 'music' | 'voice_audio' | string | null
  origin: string | null
}

export interface AudioDeclaration {
  category: 'music' | 'voice_audio'
  origin: 'human' | 'imported' | 'ai_generated'
  provider?: string
  model?: string
}

/** The request headers for an upload: header values are Latin-1, so names and model ids are percent-encoded. */
export function audioUploadHeaders(file: { name: string }, declaration: AudioDeclaration): Record<string, string> {
  const headers: Record<string, string> = {
    'X-Filename': encodeURIComponent(file.name),
    'X-Storyreel-Category': declaration.category,
    'X-Storyreel-Origin': declaration.origin,
  }
  if (declaration.origin === 'ai_generated') {
    if (declaration.provider?.trim()) headers['X-Storyreel-AI-Provider'] = encodeURIComponent(declaration.provider.trim())
    if (declaration.model?.trim()) headers['X-Storyreel-AI-Model'] = encodeURIComponent(declaration.model.trim())
  }
  return headers
}

export class AudioUploadError extends Error {
  override name = 'AudioUploadError'
}

export function uploadAudio(params: {
  projectId: string
  file: File
  declaration: AudioDeclaration
  onProgress: (fraction: number) => void
  signal?: AbortSignal
}): Promise<AudioTrackView> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', `/api/projects/${encodeURIComponent(params.projectId)}/audio`)
    for (const [name, value] of Object.entries(audioUploadHeaders(params.file, params.declaration))) xhr.setRequestHeader(name, value)
    xhr.setRequestHeader('Content-Type', 'application/octet-stream')
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) params.onProgress(event.loaded / event.total)
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        // not JSON: a proxy's error page
      }
      if (xhr.status === 201 && body && typeof body === 'object') {
        const track = body as { id: string; originalName: string; durationSeconds: number; category: string; origin: string }
        resolve({ id: track.id, name: track.originalName, durationSeconds: track.durationSeconds, category: track.category, origin: track.origin })
        return
      }
      const message = (body as { error?: { message?: string } } | null)?.error?.message
      reject(new AudioUploadError(message ?? (xhr.status === 413 ? 'That sound file is too large.' : 'The sound file could not be uploaded. Try again.')))
    }
    xhr.onerror = () => reject(new AudioUploadError('The upload was interrupted. Check your connection and try again.'))
    xhr.onabort = () => reject(new AudioUploadError('Upload cancelled.'))
    params.signal?.addEventListener('abort', () => xhr.abort(), { once: true })
    xhr.send(params.file)
  })
}

/** "1:05" for the list; "—" when the length is unknown. */
export function formatTrackLength(seconds: number | null): string {
  if (seconds === null) return '—'
  const whole = Math.round(seconds)
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`
}
