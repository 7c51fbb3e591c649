// A person's colour in cursors and avatars: stable for a user id, chosen by the server, readable on the dark UI.
export const presenceColours = [
  '#f87171', '#fb923c', '#fbbf24', '#a3e635', '#34d399', '#22d3ee', '#60a5fa', '#a78bfa', '#f472b6', '#e879f9',
] as const

export function colourForId(id: string): string {
  // FNV-1a: tiny, deterministic, spreads similar ids apart.
  let hash = 0x811c9dc5
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return presenceColours[(hash >>> 0) % presenceColours.length] ?? presenceColours[0]
}

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean)
  const letters = words.length > 1 ? [words[0]?.[0], words.at(-1)?.[0]] : [words[0]?.[0], words[0]?.[1]]
  return letters.filter(Boolean).join('').toUpperCase() || '?'
}
