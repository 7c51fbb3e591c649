import { AppError } from '@/lib/errors'

/**
 * The upload is not a type we accept (HTTP 415). lib/errors has no 415 code yet, so this is a BAD_REQUEST to code
 * that only knows AppError (still a clear user message) and a 415 to the media routes, which check for it.
 */
export class UnsupportedMediaTypeError extends AppError {
  static readonly httpCode = 'UNSUPPORTED_MEDIA_TYPE'

  constructor(userMessage: string, details?: Record<string, unknown>) {
    super('BAD_REQUEST', { userMessage, details })
  }

  override get status(): number {
    return 415
  }
}
