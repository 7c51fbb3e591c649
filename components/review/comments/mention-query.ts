// The "@…" being typed at the caret, and the handle to insert for a chosen member. Pure, for the composer's autocomplete.
import { mentionHandles, type MentionCandidate } from '@/lib/review/mentions'

/** The partial handle right before the caret ("@ma" → "ma") and where its "@" is, or null when not typing a mention. */
export function mentionAtCaret(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret)
  const match = /(?:^|[\s([{,;])@([A-Za-z0-9._+-]*)$/.exec(before)
  if (!match) return null
  const query = match[1] ?? ''
  return { query: query.toLowerCase(), start: caret - query.length - 1 }
}

/** Members whose name or email starts with (or whose handle contains) the query; at most `limit`. */
export function matchCandidates(candidates: readonly MentionCandidate[], query: string, excludeUserId?: string, limit = 6): MentionCandidate[] {
  const q = query.toLowerCase()
  return candidates
    .filter((candidate) => candidate.userId !== excludeUserId)
    .filter((candidate) => {
      if (!q) return true
      const words = (candidate.name ?? '').toLowerCase().split(/\s+/)
      return words.some((word) => word.startsWith(q)) || mentionHandles(candidate).some((handle) => handle.startsWith(q))
    })
    .slice(0, limit)
}

/**
 * The handle the server will match back to exactly this member: the name without spaces when no other member shares
 * it, else the email (always unique).
 */
export function handleFor(candidate: MentionCandidate, all: readonly MentionCandidate[]): string {
  const byName = candidate.name?.toLowerCase().replace(/\s+/g, '')
  if (byName && /^[a-z0-9._+-]+$/.test(byName)) {
    const clash = all.some((other) => other.userId !== candidate.userId && mentionHandles(other).includes(byName))
    if (!clash) return byName
  }
  return candidate.email.toLowerCase()
}

/** Text with the partial mention replaced by the full handle and a space; the caret goes after it. */
export function insertMention(text: string, at: { start: number; caret: number }, handle: string): { text: string; caret: number } {
  const inserted = `@${handle} `
  return { text: text.slice(0, at.start) + inserted + text.slice(at.caret), caret: at.start + inserted.length }
}
