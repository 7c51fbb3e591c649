// @mentions in a comment body. The body is free text, so a mention is only a candidate until matched to a member.

export interface MentionCandidate {
  userId: string
  name: string | null
  email: string
}

// "@" at the start or after whitespace/punctuation, so "a@b.com" inside a sentence is not a mention of "b.com".
const mentionPattern = /(?:^|[\s([{,;])@([A-Za-z0-9._+-]+(?:@[A-Za-z0-9.-]+\.[A-Za-z]{2,})?)/g

/** Handles people can type for a member: the email, the part before the @, and the name without spaces. */
export function mentionHandles(member: MentionCandidate): string[] {
  const email = member.email.toLowerCase()
  const handles = [email, email.split('@')[0] ?? email]
  if (member.name) handles.push(member.name.toLowerCase().replace(/\s+/g, ''))
  return handles
}

/** The raw handles written after "@", lower-cased, trailing sentence punctuation removed. */
export function parseMentionHandles(body: string): string[] {
  const found = new Set<string>()
  for (const match of body.matchAll(mentionPattern)) {
    const handle = (match[1] ?? '').replace(/[.,;:!?]+$/, '').toLowerCase()
    if (handle) found.add(handle)
  }
  return [...found]
}

/** User ids of the members mentioned in body; unknown handles are ignored rather than refused. */
export function resolveMentions(body: string, members: readonly MentionCandidate[]): string[] {
  const handles = new Set(parseMentionHandles(body))
  if (handles.size === 0) return []
  return members.filter((member) => mentionHandles(member).some((handle) => handles.has(handle))).map((member) => member.userId)
}
