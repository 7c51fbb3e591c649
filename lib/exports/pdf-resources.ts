import fontkit from '@pdf-lib/fontkit'
import type { PDFDocument, PDFFont, PDFImage } from 'pdf-lib'

// Fonts and pictures for our PDFs. Both come through callbacks so the generators stay pure: the server reads the
// DejaVu files and the stored panel images, tests read them from disk.

export interface FontFiles {
  regular: Uint8Array
  bold: Uint8Array
}
export type FontLoader = () => Promise<FontFiles>

export interface PdfFonts {
  regular: PDFFont
  bold: PDFFont
}

/** DejaVu rather than the standard 14 fonts, which only know WinAnsi: dialogue in Polish or Greek must print. */
export async function embedFonts(doc: PDFDocument, loadFonts: FontLoader): Promise<PdfFonts> {
  doc.registerFontkit(fontkit)
  const files = await loadFonts()
  // Subsetting keeps a storyboard at tens of kilobytes instead of the 1.4 MB of both full fonts.
  const [regular, bold] = await Promise.all([doc.embedFont(files.regular, { subset: true }), doc.embedFont(files.bold, { subset: true })])
  return { regular, bold }
}

/** The stored bytes of an asset, or null when it is gone or unreadable (the panel then prints as a slate). */
export type ImageLoader = (assetId: string) => Promise<Uint8Array | null>

function kindOf(bytes: Uint8Array): 'png' | 'jpeg' | null {
  if (bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) return 'png'
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpeg'
  return null
}

/** Embeds each asset once however many panels show it; formats PDF cannot hold (WebP…) count as missing. */
export function imageEmbedder(doc: PDFDocument, load: ImageLoader): (assetId: string) => Promise<PDFImage | null> {
  const cache = new Map<string, Promise<PDFImage | null>>()
  const embed = async (assetId: string) => {
    const bytes = await load(assetId)
    const kind = bytes && kindOf(bytes)
    if (!bytes || !kind) return null
    try {
      return kind === 'png' ? await doc.embedPng(bytes) : await doc.embedJpg(bytes)
    } catch {
      return null // a corrupt file prints as a slate rather than failing the whole storyboard
    }
  }
  return (assetId) => {
    let image = cache.get(assetId)
    if (!image) cache.set(assetId, (image = embed(assetId)))
    return image
  }
}
