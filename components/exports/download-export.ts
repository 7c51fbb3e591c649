// Fetches an export and hands it to the browser as a download. Fetching (rather than navigating to the URL) keeps the
// page when the server answers an error, so the dialog can show the message instead of a page of JSON.

export function filenameFromDisposition(header: string | null, fallback: string): string {
  const match = header ? /filename="([^"]+)"/.exec(header) : null
  return match?.[1] ?? fallback
}

export async function downloadExport(url: string, fallbackName: string): Promise<{ ok: true } | { ok: false; message: string }> {
  let response: Response
  try {
    response = await fetch(url, { credentials: 'same-origin' })
  } catch {
    return { ok: false, message: 'The export could not be downloaded. Check your connection and try again.' }
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null
    return { ok: false, message: body?.error?.message ?? `The export failed (${response.status}).` }
  }
  const blob = await response.blob()
  const link = document.createElement('a')
  link.href = URL.createObjectURL(blob)
  link.download = filenameFromDisposition(response.headers.get('content-disposition'), fallbackName)
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked on the next tick: some browsers start the download asynchronously after click().
  setTimeout(() => URL.revokeObjectURL(link.href), 0)
  return { ok: true }
}
