// The page a guest sees when a share link cannot be opened. A route handler answers it (it must also be able to set
// the guest cookie on success), so this is plain HTML in the app's colours rather than a React page.

export interface LinkUnavailable {
  status: 404 | 410
  title: string
  message: string
}

export const unknownLink: LinkUnavailable = {
  status: 404,
  title: 'This review link does not work',
  message: 'Check that you copied the whole link, or ask the person who sent it for a new one.',
}

export const goneLink = (message: string): LinkUnavailable => ({
  status: 410,
  title: /expired/i.test(message) ? 'This review link has expired' : 'This review link was turned off',
  message,
})

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

export function linkUnavailableResponse(page: LinkUnavailable): Response {
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><meta name="robots" content="noindex">
<title>${escapeHtml(page.title)} · Storyreel</title>
<style>
  :root { color-scheme: dark; }
  body { margin: 0; min-height: 100vh; display: flex; align-items: center; justify-content: center; padding: 24px;
    font: 14px/1.5 ui-sans-serif, system-ui, -apple-system, "Segoe UI", sans-serif;
    background: oklch(0.16 0.006 265) radial-gradient(ellipse at top, oklch(0.64 0.15 275 / 0.12), transparent 65%) no-repeat;
    color: oklch(0.94 0.005 265); }
  main { max-width: 380px; text-align: center; display: flex; flex-direction: column; align-items: center; gap: 12px; }
  .icon { width: 48px; height: 48px; border-radius: 999px; border: 1px solid oklch(0.29 0.008 265); background: oklch(0.25 0.008 265);
    display: flex; align-items: center; justify-content: center; color: oklch(0.68 0.012 265); }
  h1 { font-size: 20px; font-weight: 600; letter-spacing: -0.01em; margin: 4px 0 0; }
  p { margin: 0; color: oklch(0.68 0.012 265); }
  .brand { margin-top: 20px; font-size: 12px; color: oklch(0.55 0.012 265); }
</style></head>
<body><main data-testid="guest-link-unavailable">
  <div class="icon" aria-hidden="true"><svg width="20" height="20" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M9 17H7A5 5 0 0 1 7 7"/><path d="M15 7h2a5 5 0 0 1 4 8"/><line x1="8" x2="12" y1="12" y2="12"/><line x1="2" x2="22" y1="2" y2="22"/></svg></div>
  <h1>${escapeHtml(page.title)}</h1>
  <p>${escapeHtml(page.message)}</p>
  <p class="brand">Storyreel · review for film teams</p>
</main></body></html>`
  return new Response(html, {
    status: page.status,
    headers: {
      'Content-Type': 'text/html; charset=utf-8',
      'Cache-Control': 'no-store',
      'Referrer-Policy': 'no-referrer',
      'X-Content-Type-Options': 'nosniff',
      'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
    },
  })
}
