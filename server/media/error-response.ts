import { z } from 'zod'
import { isAppError } from '@/lib/errors'

// JSON answers for the media routes' failures: { error: { code, message } } with the matching status. The message is
// the AppError's user message; anything unexpected is logged and answered generically, never with internals.

const errorHeaders = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }

export function errorResponse(error: unknown): Response {
  if (error instanceof z.ZodError) {
    const message = error.issues[0]?.message ?? 'The request was not valid.'
    return json(400, 'BAD_REQUEST', message)
  }
  if (isAppError(error)) {
    return json(error.status, error.code, error.userMessage)
  }
  console.error('[media] unexpected error:', error)
  return json(500, 'INTERNAL', 'Something went wrong on our side. Please try again.')
}

function json(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: errorHeaders })
}
