import { ERRORS } from '@tus/server'
import { isAppError, type ErrorCode } from '@/lib/errors'
import { formatUploadBytes } from './upload-limits'

// Every refusal from the upload endpoint is JSON { error: { code, message } }, like the other media routes, whether
// it came from our checks, our hooks or @tus/server's own protocol errors; the message is written for the uploader.

interface TusError {
  status_code: number
  body: string
}

const codeForStatus: Record<number, ErrorCode> = {
  400: 'BAD_REQUEST',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
  410: 'GONE',
  413: 'PAYLOAD_TOO_LARGE',
  415: 'UNSUPPORTED_MEDIA_TYPE',
}

const isTusError = (error: unknown): error is TusError =>
  typeof error === 'object' && error !== null && typeof (error as TusError).status_code === 'number' && typeof (error as TusError).body === 'string'

function errorBody(code: ErrorCode | string, message: string): string {
  return JSON.stringify({ error: { code, message } })
}

/** For @tus/server's onResponseError: what to answer instead of its plain-text bodies. */
export function tusErrorMapping(request: Request, error: unknown, maxBytes: number): TusError {
  if (isAppError(error)) return { status_code: error.status, body: errorBody(error.code, error.userMessage) }
  if (isTusError(error)) {
    if (error.status_code === 413) {
      const declared = Number(request.headers.get('upload-length'))
      const message =
        Number.isFinite(declared) && declared > maxBytes
          ? `This file is ${formatUploadBytes(declared)}; the largest upload allowed is ${formatUploadBytes(maxBytes)}.`
          : `The upload sent more data than it declared, or more than the limit of ${formatUploadBytes(maxBytes)}.`
      return { status_code: 413, body: errorBody('PAYLOAD_TOO_LARGE', message) }
    }
    if (error.status_code === ERRORS.ERR_LOCK_TIMEOUT.status_code && error.body === ERRORS.ERR_LOCK_TIMEOUT.body) {
      // Another request (on this instance or another) kept writing this upload: busy, not broken.
      return { status_code: 423, body: errorBody('CONFLICT', 'This upload is busy on another connection. The upload will try again.') }
    }
    if (error.status_code >= 500) {
      console.error('[upload] tus error:', error.body.trim())
      return { status_code: error.status_code, body: errorBody('INTERNAL', 'Something went wrong receiving the file. The upload will try again.') }
    }
    return { status_code: error.status_code, body: errorBody(codeForStatus[error.status_code] ?? 'BAD_REQUEST', error.body.trim()) }
  }
  return unexpected(error)
}

function unexpected(error: unknown): TusError {
  // Never leak internals: log here, answer generically.
  console.error('[upload] unexpected error:', error)
  return { status_code: 500, body: errorBody('INTERNAL', 'Something went wrong on our side. Please try again.') }
}

/** A refusal made before @tus/server saw the request. */
export function uploadErrorResponse(error: unknown, status?: number): Response {
  const mapped = isAppError(error) ? { status_code: status ?? error.status, body: errorBody(error.code, error.userMessage) } : unexpected(error)
  return new Response(mapped.body, {
    status: mapped.status_code,
    headers: { 'Content-Type': 'application/json', 'Tus-Resumable': '1.0.0', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' },
  })
}
