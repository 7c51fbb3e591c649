import type { z } from 'zod'
import { AppError, notFound } from '../errors'

/** Parses operation input, or throws a BAD_REQUEST whose message names each bad field in words a user can act on. */
export function parseOrThrow<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input)
  if (result.success) return result.data
  const problems = result.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') {
      const keys = issue.keys.map((key) => `"${key}"`).join(', ')
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${keys}`
    }
    const path = issue.path.join('.')
    // Our own messages read on from the field name ("durationFrames cannot be negative"); zod's own start a sentence.
    if (!path) return issue.message
    return /^[A-Z]/.test(issue.message) ? `${path}: ${issue.message}` : `${path} ${issue.message}`
  })
  return failValidation(`Invalid ${what}: ${problems.join('; ')}.`, result.error.issues)
}

function failValidation(userMessage: string, issues: unknown): never {
  throw new AppError('BAD_REQUEST', { userMessage, details: { issues } })
}

export function missing(what: 'scene' | 'shot' | 'panel', id: string): AppError {
  const error = notFound(`The ${what}`)
  return new AppError(error.code, { userMessage: error.userMessage, details: { [`${what}Id`]: id } })
}

export function badRequest(userMessage: string): AppError {
  return new AppError('BAD_REQUEST', { userMessage })
}
