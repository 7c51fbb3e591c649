import { execFileSync } from 'node:child_process'
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { FontLoader } from './pdf-resources'

// For the PDF tests: the real DejaVu fonts from node_modules, and pdftotext (poppler) to read back what was printed.

const fontDir = join(process.cwd(), 'node_modules/dejavu-fonts-ttf/ttf')
export const diskFonts: FontLoader = async () => ({
  regular: readFileSync(join(fontDir, 'DejaVuSans.ttf')),
  bold: readFileSync(join(fontDir, 'DejaVuSans-Bold.ttf')),
})

function hasPdftotext(): boolean {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}
export const pdftotextMissing = hasPdftotext() ? false : 'pdftotext (poppler-utils) is not installed, so the text of the PDF cannot be read back'

/** The text of each page, in reading order. */
export function pdfPagesText(pdf: Uint8Array): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'storyreel-pdf-'))
  try {
    const file = join(dir, 'out.pdf')
    writeFileSync(file, pdf)
    const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', timeout: 20_000 })
    return text.split('\f').slice(0, -1)
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
