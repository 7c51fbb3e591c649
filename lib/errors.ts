// One error type for everything a user may be told. Services throw it; actions and routes turn it into an answer.
export const errorStatus = {
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  GONE: 410,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  UNAVAILABLE: 503,
} as const

export type ErrorCode = keyof typeof errorStatus

export class AppError extends Error {
  override name = 'AppError'
  readonly code: ErrorCode
  readonly userMessage: string
  readonly details?: Record<string, unknown>

  constructor(code: ErrorCode, options: { userMessage: string; details?: Record<string, unknown>; cause?: unknown }) {
    super(options.userMessage, { cause: options.cause })
    this.code = code
    this.userMessage = options.userMessage
    this.details = options.details
  }

  get status(): number {
    return errorStatus[this.code]
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError || (error instanceof Error && error.name === 'AppError' && 'code' in error)
}

export const notFound = (what = 'That item') => new AppError('NOT_FOUND', { userMessage: `${what} was not found.` })
