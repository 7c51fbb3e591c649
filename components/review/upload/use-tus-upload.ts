'use client'

import { useCallback, useEffect, useRef, useState } from 'react'
import { Upload, type DetailedError, type HttpResponse } from 'tus-js-client'
import { addSample, bytesPerSecond, secondsLeft, type ProgressSample } from './upload-progress'

// One resumable cut upload through tus: progress with speed and time left, cancel, and resume. A dropped connection is
// retried by the client on its own; after a reload, choosing the same file again continues where it stopped (tus
// remembers the upload under a fingerprint of the file and the review item it was meant for).

export interface UseTusUploadOptions {
  /** The tus endpoint, e.g. "/api/uploads". */
  endpoint: string
  projectId: string
  reviewItemId: string
  /** Bytes per request; a failed request re-sends at most this much. 50 MB by default. */
  chunkSize?: number
  onUploaded?: (version: UploadedVersion) => void
  /** A refusal (status set) or a lost connection (status null), e.g. to show a toast. */
  onFailed?: (failure: { message: string; status: number | null }) => void
}

export interface UploadedVersion {
  /** Null only if the server's answer was lost and could not be read back; the version exists all the same. */
  versionId: string | null
  number: number | null
}

export type TusUploadState =
  | { phase: 'idle' }
  | {
      phase: 'uploading'
      file: File
      bytesSent: number
      bytesTotal: number
      /** Where this session started from: more than 0 when an earlier upload of the file was resumed. */
      resumedFrom: number
      bytesPerSecond: number | null
      secondsLeft: number | null
    }
  /** Every byte is there; the server is checking the file and adding the version. */
  | { phase: 'finishing'; file: File }
  | { phase: 'done'; file: File; version: UploadedVersion }
  | {
      phase: 'failed'
      file: File
      message: string
      /** HTTP status of the refusal; null when the connection failed (then resuming makes sense). */
      status: number | null
    }

export interface TusUpload {
  state: TusUploadState
  start(file: File): Promise<void>
  /** Stops and discards the upload on the server. */
  cancel(): Promise<void>
  /** Back to idle after done or failed. */
  reset(): void
}

const defaultChunkSize = 50 * 1024 * 1024
// Long enough to ride out a laptop changing networks; tus retries only errors worth retrying (not 4xx refusals).
const retryDelays = [0, 1000, 3000, 5000, 10_000, 20_000, 30_000, 60_000]

export function useTusUpload(options: UseTusUploadOptions): TusUpload {
  const [state, setState] = useState<TusUploadState>({ phase: 'idle' })
  const uploadRef = useRef<Upload | null>(null)
  const optionsRef = useRef(options)
  useEffect(() => {
    optionsRef.current = options
  })

  // Leaving mid-upload loses nothing (it resumes), but the person should know it stops.
  const busy = state.phase === 'uploading' || state.phase === 'finishing'
  useEffect(() => {
    if (!busy) return
    const warn = (event: BeforeUnloadEvent) => event.preventDefault()
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [busy])

  // An unmounted page stops sending but keeps the upload on the server, so it can be resumed.
  useEffect(() => () => void uploadRef.current?.abort(false), [])

  const start = useCallback(async (file: File) => {
    const { endpoint, projectId, reviewItemId, chunkSize = defaultChunkSize } = optionsRef.current
    await uploadRef.current?.abort(false)
    let samples: ProgressSample[] = []
    let resumedFrom = 0
    setState({ phase: 'uploading', file, bytesSent: 0, bytesTotal: file.size, resumedFrom: 0, bytesPerSecond: null, secondsLeft: null })
    const upload = new Upload(file, {
      endpoint,
      chunkSize,
      retryDelays,
      metadata: { projectId, reviewItemId, filename: file.name, filetype: file.type },
      // The same file meant for another review item is another upload.
      fingerprint: async (f) => ['storyreel-cut', reviewItemId, (f as File).name, (f as File).size, (f as File).lastModified].join(':'),
      storeFingerprintForResuming: true,
      removeFingerprintOnSuccess: true,
      onProgress(bytesSent, bytesTotal) {
        if (samples.length === 0) resumedFrom = bytesSent
        samples = addSample(samples, { at: performance.now(), bytes: bytesSent })
        if (bytesSent >= bytesTotal) {
          setState({ phase: 'finishing', file })
          return
        }
        const speed = bytesPerSecond(samples)
        setState({ phase: 'uploading', file, bytesSent, bytesTotal, resumedFrom, bytesPerSecond: speed, secondsLeft: secondsLeft(bytesSent, bytesTotal, speed) })
      },
      onSuccess({ lastResponse }) {
        uploadRef.current = null
        const version = readVersion(lastResponse)
        setState({ phase: 'done', file, version })
        optionsRef.current.onUploaded?.(version)
      },
      onError(error) {
        uploadRef.current = null
        const failure = describeError(error)
        setState({ phase: 'failed', file, ...failure })
        optionsRef.current.onFailed?.(failure)
      },
    })
    uploadRef.current = upload
    const previous = await upload.findPreviousUploads()
    // Newest first: an older entry may point at an upload the server has since swept.
    const latest = [...previous].sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0]
    if (latest) upload.resumeFromPreviousUpload(latest)
    upload.start()
  }, [])

  const cancel = useCallback(async () => {
    const upload = uploadRef.current
    uploadRef.current = null
    setState({ phase: 'idle' })
    // true: also delete what the server has received, and forget the fingerprint.
    if (upload) await upload.abort(true).catch(() => undefined)
  }, [])

  const reset = useCallback(() => setState({ phase: 'idle' }), [])

  return { state, start, cancel, reset }
}

function readVersion(response: HttpResponse): UploadedVersion {
  const number = Number(response.getHeader('Storyreel-Version-Number'))
  return { versionId: response.getHeader('Storyreel-Version-Id') ?? null, number: Number.isInteger(number) && number > 0 ? number : null }
}

function describeError(error: Error | DetailedError): { message: string; status: number | null } {
  const response = 'originalResponse' in error ? error.originalResponse : null
  const status = response?.getStatus() ?? 0
  if (!response || status === 0) {
    return { message: 'The connection was lost. Your upload is kept: resume when you are back online.', status: null }
  }
  try {
    const body = JSON.parse(response.getBody()) as { error?: { message?: unknown } }
    if (typeof body.error?.message === 'string') return { message: body.error.message, status }
  } catch {
    // Not our JSON (a proxy's error page): fall through to a plain message.
  }
  if (status === 413) return { message: 'This file is larger than the server accepts.', status }
  return { message: `The upload was refused (HTTP ${status}).`, status }
}
