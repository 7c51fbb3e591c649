import { APICallError, DownloadError, InvalidResponseDataError, JSONParseError, NoImageGeneratedError, NoVideoGeneratedError, RetryError, TypeValidationError } from 'ai'
import { AppError, isAppError } from '@/lib/errors'
import { OutboundHostRefusedError, ProviderTimeoutError } from './allow-list-fetch'

const providerNames: Record<string, string> = {
  offline: 'The offline generator',
  openai: 'OpenAI',
  'openai-compatible': 'The image server',
  fal: 'fal',
  replicate: 'Replicate',
}

/**
 * Turns whatever a provider call threw into the AppError a person should read, keeping the original as the cause
 * for the logs. A cancelled call (the caller's own abort) is passed through untouched so jobs can tell it apart.
 */
export function toGenerationError(error: unknown, context: { provider: string; signal?: AbortSignal; timeoutMs: number }): unknown {
  if (context.signal?.aborted || isAppError(error)) return error
  const who = providerNames[context.provider] ?? context.provider
  const attempts = RetryError.isInstance(error) ? error.errors.length : 1
  const last = RetryError.isInstance(error) ? error.lastError : error
  const fail = (code: 'RATE_LIMITED' | 'UNAVAILABLE' | 'BAD_REQUEST', userMessage: string) => new AppError(code, { userMessage, cause: error, details: { provider: context.provider, attempts } })
  const tries = attempts > 1 ? ` (tried ${attempts} times)` : ''

  const refused = last instanceof OutboundHostRefusedError ? last : last instanceof Error && last.cause instanceof OutboundHostRefusedError ? last.cause : null
  if (refused) {
    return fail('UNAVAILABLE', `Generation tried to reach ${refused.host}, which is not an allowed provider host. An administrator can add it to AI_ALLOWED_HOSTS.`)
  }
  if (last instanceof ProviderTimeoutError || (last instanceof Error && last.name === 'TimeoutError')) {
    return fail('UNAVAILABLE', `${who} did not answer within ${Math.round(context.timeoutMs / 1000)} s. Try again, or ask for fewer variations.`)
  }
  // The SDK reports a 200 whose body it cannot parse as an API call error carrying the parse error.
  const unreadable = (e: unknown) => JSONParseError.isInstance(e) || TypeValidationError.isInstance(e) || InvalidResponseDataError.isInstance(e)
  if (unreadable(last) || (APICallError.isInstance(last) && (last.statusCode ?? 0) < 300 && unreadable(last.cause))) {
    return fail('UNAVAILABLE', `${who} answered in a way we did not understand, so nothing was saved. Try again later.`)
  }
  if (APICallError.isInstance(last)) {
    const status = last.statusCode
    if (status === 429) return fail('RATE_LIMITED', `${who} is busy or this account's limit is reached (HTTP 429)${tries}. Try again in a minute.`)
    if (status === 401 || status === 403) return fail('UNAVAILABLE', `${who} refused our credentials (HTTP ${status}). An administrator needs to check the API key.`)
    if (status !== undefined && status >= 400 && status < 500) {
      return fail('BAD_REQUEST', `${who} refused the request (HTTP ${status})${providerMessage(last)}.`)
    }
    if (status !== undefined) return fail('UNAVAILABLE', `${who} had an error (HTTP ${status})${tries}. Try again later.`)
    return fail('UNAVAILABLE', `Could not reach ${who}${tries}. Check the connection to the provider and try again.`)
  }
  if (DownloadError.isInstance(last)) {
    return fail('UNAVAILABLE', `${who} made a picture but it could not be downloaded. Try again later.`)
  }
  if (NoImageGeneratedError.isInstance(last) || NoVideoGeneratedError.isInstance(last)) {
    return fail('UNAVAILABLE', `${who} sent back no picture. Try again, perhaps with a different prompt.`)
  }
  return error
}

function providerMessage(error: APICallError): string {
  const data = error.data as { error?: { message?: unknown } } | undefined
  const message = typeof data?.error?.message === 'string' ? data.error.message : null
  return message ? `: ${message.slice(0, 300)}` : ''
}
