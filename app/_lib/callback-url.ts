/**
 * Where to go after signing in or up. Only same-site paths are allowed: "//evil.example" and absolute URLs would
 * turn our sign-in page into an open redirect.
 */
export function safeCallbackUrl(value: string | string[] | undefined, fallback = '/'): string {
  const candidate = Array.isArray(value) ? value[0] : value
  if (!candidate || !candidate.startsWith('/') || candidate.startsWith('//') || candidate.startsWith('/\\')) return fallback
  return candidate
}

export function signInUrl(callbackPath: string): string {
  return `/sign-in?callbackUrl=${encodeURIComponent(callbackPath)}`
}
