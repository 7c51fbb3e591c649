// Short, human dates for review UI ("just now", "5 min ago", "3 Mar 14:05"), computed against a given "now" so
// server and client renders agree when the caller passes the same instant.

export function whenLabel(at: Date | string, now: Date = new Date()): string {
  const date = typeof at === 'string' ? new Date(at) : at
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000)
  if (seconds < 45) return 'just now'
  if (seconds < 3600) return `${Math.max(1, Math.round(seconds / 60))} min ago`
  if (seconds < 86_400 && now.getDate() === date.getDate()) return `today ${time(date)}`
  const sameYear = now.getFullYear() === date.getFullYear()
  const day = date.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }) })
  return `${day} ${time(date)}`
}

function time(date: Date): string {
  return date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' })
}
