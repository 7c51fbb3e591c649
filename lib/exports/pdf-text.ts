import type { PDFFont } from 'pdf-lib'

// Text that has to fit a box: wrapped at word boundaries (long words broken by character) and cut with an ellipsis
// when there are more lines than room, so nothing ever spills out of a storyboard cell or a table row.
//
// Measuring through fontkit lays the string out each time, which made a 1,000-panel storyboard take seconds; words
// are measured once per font at size 1 and lines are summed from them (kerning across a space is negligible).

const ELLIPSIS = '…'

function isControl(code: number): boolean {
  return code < 0x20 || code === 0x7f
}

/** Tabs and stray control characters have no glyph and would print as boxes. */
export function printable(text: string): string {
  const normalized = text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')
  return [...normalized].filter((char) => char === '\n' || !isControl(char.codePointAt(0)!)).join('')
}

const wordWidths = new WeakMap<PDFFont, Map<string, number>>()

/** Width at `size` of one word (no spaces), cached per font. */
function wordWidth(font: PDFFont, word: string, size: number): number {
  let cache = wordWidths.get(font)
  if (!cache) wordWidths.set(font, (cache = new Map()))
  let unit = cache.get(word)
  if (unit === undefined) {
    unit = font.widthOfTextAtSize(word, 1)
    if (cache.size < 50_000) cache.set(word, unit)
  }
  return unit * size
}

/** The width of a line of text, summed from its words. */
export function textWidth(font: PDFFont, text: string, size: number): number {
  const words = text.split(' ')
  return words.reduce((sum, word) => sum + wordWidth(font, word, size), 0) + (words.length - 1) * wordWidth(font, ' ', size)
}

/** Wrapped lines; stops once `limit` lines exist, since more than that are never printed. */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number, limit = Infinity): string[] {
  const space = wordWidth(font, ' ', size)
  const lines: string[] = []
  for (const paragraph of printable(text).split('\n')) {
    let line = ''
    let lineWidth = 0
    for (const word of paragraph.split(/ +/)) {
      const width = wordWidth(font, word, size)
      if (line === '' ? width <= maxWidth : lineWidth + space + width <= maxWidth) {
        lineWidth = line === '' ? width : lineWidth + space + width
        line = line === '' ? word : `${line} ${word}`
        continue
      }
      if (line !== '') lines.push(line)
      if (lines.length >= limit) return lines
      line = word
      // A word wider than the box (a URL, a long name) is broken by character.
      while (font.widthOfTextAtSize(line, size) > maxWidth && line.length > 1) {
        let cut = line.length - 1
        while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > maxWidth) cut--
        lines.push(line.slice(0, cut))
        if (lines.length >= limit) return lines
        line = line.slice(cut)
      }
      lineWidth = wordWidth(font, line, size)
    }
    lines.push(line)
    if (lines.length >= limit) return lines
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
  const lines = wrapText(text, font, size, maxWidth, maxLines + 1)
  if (lines.length <= maxLines) return lines
  const kept = lines.slice(0, maxLines)
  kept[maxLines - 1] = ellipsize(kept[maxLines - 1]!, font, size, maxWidth)
  return kept
}

/** One line, cut with an ellipsis if it is too wide. */
export function fitLine(text: string, font: PDFFont, size: number, maxWidth: number): string {
  const line = printable(text).replace(/\n/g, ' ')
  return textWidth(font, line, size) <= maxWidth ? line : ellipsize(line, font, size, maxWidth)
}
