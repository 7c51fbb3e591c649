import type { PDFFont } from 'pdf-lib'

// Text that has to fit a box: wrapped at word boundaries (long words broken by character) and cut with an ellipsis
// when there are more lines than room, so nothing ever spills out of a storyboard cell or a table row.

const ELLIPSIS = '…'

/** Tabs and stray control characters have no glyph and would print as boxes. */
export function printable(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
  return [...normalized].filter((char) => char === '\n' || !isControl(char.codePointAt(0)!)).join('')
}

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f
}

export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
  const width = (s: string) => font.widthOfTextAtSize(s, size)
  const lines: string[] = []
  for (const paragraph of printable(text).split('\n')) {
    let line = ''
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word
      if (width(candidate) <= maxWidth) {
        line = candidate
        continue
      }
      if (line) lines.push(line)
      line = word
      // A word wider than the box (a URL, a long name) is broken by character.
      while (width(line) > maxWidth && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && width(line.slice(0, cut)) > maxWidth) cut--
        lines.push(line.slice(0, cut))
        line = line.slice(cut)
      }
    }
    lines.push(line)
  }
  return lines
}

/** The line shortened until it and an ellipsis fit. */
export function ellipsize(line: string, font: PDFFont, size: number, maxWidth: number): string {
  let cut = line.trimEnd()
  while (cut.length > 0 && font.widthOfTextAtSize(cut + ELLIPSIS, size) > maxWidth) cut = cut.slice(0, -1).trimEnd()
  return cut + ELLIPSIS
}

/** At most `maxLines` lines of the wrapped text; the last one ends in an ellipsis when text was left out. */
export function fitLines(text: string, font: PDFFont, size: number, maxWidth: number, maxLines: number): string[] {
  if (maxLines <= 0) return []
  const lines = wrapText(text, font, size, maxWidth)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1]!, font, size, maxWidth)
  return kept
}

/** One line, cut with an ellipsis if it is too wide. */
export function fitLine(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const line = printable(text).replace(/\n/g, ' ')
  return font.widthOfTextAtSize(line, size) <= maxWidth ? line : ellipsize(line, font, size, maxWidth)
}
