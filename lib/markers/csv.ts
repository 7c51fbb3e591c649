// A small RFC 4180 CSV writer that spreadsheets cannot be tricked by.

// A cell starting with one of these is run as a formula by Excel, LibreOffice and Sheets ("=HYPERLINK(...)" in a
// client's note would become a live link). Tab and carriage return are on OWASP's list for the same reason.
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r'])

/** The cell as a spreadsheet will show it: a leading apostrophe keeps a would-be formula plain text. */
export function defuseFormula(cell: string): string {
  return FORMULA_TRIGGERS.has(cell.charAt(0)) ? `'${cell}` : cell
}

/** Quotes a field when RFC 4180 requires it (comma, double quote, CR or LF), doubling the quotes inside. */
export function quoteCsvField(field: string): string {
  return /[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field
}

/**
 * Rows to CSV text: CRLF between records and after the last (RFC 4180), every cell defused. Starts with a UTF-8 byte
 * order mark because Excel otherwise reads UTF-8 as the local code page and garbles every accent and emoji.
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  const lines = rows.map((row) => row.map((cell) => quoteCsvField(defuseFormula(String(cell)))).join(','))
  return `\uFEFF${lines.map((line) => `${line}\r\n`).join('')}`
}
