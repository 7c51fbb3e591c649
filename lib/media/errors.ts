import { AppError } from '@/lib/errors'

/** The upload is not a type we accept (HTTP 415). */
export class UnsupportedMediaTypeError extends AppError {
  constructor(userMessage: string, details?: Record<string, unknown>) {
    super('UNSUPPORTED_MEDIA_TYPE', { userMessage, details })
  }
}
