// Content-Disposition for a stored file (RFC 6266): an ASCII fallback for old clients and the exact name in
// filename* (RFC 8187), so "Szene 3 – Nacht.png" downloads with its dash and umlauts intact.

export function contentDisposition(type: 'inline' | 'attachment', filename: string): string {
  const fallback = filename
    .normalize('NFKD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\%]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
  const quoted = fallback || 'download'
  return `${type}; filename="${quoted}"; filename*=UTF-8''${encodeRfc8187(filename)}`
}

/** Percent-encodes everything but RFC 8187's attr-char set. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`)
}
