// Text hygiene shared by the marker exporters: what every format can hold, and the one-line form some need.

// C0 controls other than tab, newline and carriage return, and DEL: invisible, and forbidden in XML 1.0. Matching
// control characters is this pattern's whole purpose, hence the lint exception.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g
// Halves of a surrogate pair without their partner (from a cut-off emoji, say) cannot be encoded as UTF-8.
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g
// U+FFFE and U+FFFF are noncharacters XML refuses.
const NONCHARACTERS = /[\uFFFE\uFFFF]/g

/**
 * Text as every export can carry it: composed Unicode (NFC, so "é" is one character in every application), line
 * breaks as "\n", lone surrogates as U+FFFD, and no control characters or noncharacters. Emoji and other scripts
 * pass through untouched.
 */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, '')
    .replace(LONE_SURROGATES, '\uFFFD')
    .replace(NONCHARACTERS, '')
    .normalize('NFC')
}

/** For line-based formats (EDL, Avid's tab-separated text): every run of whitespace, line breaks included, is one space. */
export function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}
