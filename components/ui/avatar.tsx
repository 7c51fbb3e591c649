import { cn } from './cn'

// Hues are picked from the name so each person keeps one colour across pages without storing anything.
function hueOf(seed: string): number {
  let hash = 0
  for (const char of seed) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return hash % 360
}

/** Two letters for a name: first and last word; a parenthesised note such as "(guest)" and punctuation never count. */
export function initialsOf(name: string): string {
  const parts = name
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
  const letters = parts.length > 1 ? `${parts[0]![0]}${parts[parts.length - 1]![0]}` : (parts[0]?.slice(0, 2) ?? '?')
  return letters.toUpperCase()
}

export function Avatar({ name, className }: { name: string; className?: string }) {
  return (
    <span
      aria-hidden
      className={cn('inline-flex size-8 shrink-0 select-none items-center justify-center rounded-full text-xs font-semibold text-white', className)}
      style={{ backgroundColor: `oklch(0.5 0.11 ${hueOf(name)})` }}
    >
      {initialsOf(name)}
    </span>
  )
}
