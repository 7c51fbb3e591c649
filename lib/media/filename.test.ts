import { describe, expect, it } from 'vitest'
import { contentDisposition } from './content-disposition'
import { downloadFilename, maxFilenameLength, sanitiseFilename } from './filename'

describe('sanitiseFilename', () => {
  it('keeps an ordinary name, including non-Latin letters', () => {
    expect(sanitiseFilename('Scene 3 – Nacht.png', 'image')).toBe('Scene 3 – Nacht.png')
    expect(sanitiseFilename('场景.jpg', 'image')).toBe('场景.jpg')
  })

  it('keeps only the last part of a path and never a traversal', () => {
    expect(sanitiseFilename('C:\\Users\\me\\shot.png', 'image')).toBe('shot.png')
    expect(sanitiseFilename('../../etc/passwd', 'image')).toBe('passwd')
    expect(sanitiseFilename('..', 'image')).toBe('image')
    expect(sanitiseFilename('.htaccess', 'image')).toBe('htaccess')
  })

  it('drops control characters, NUL and direction overrides, and replaces reserved characters', () => {
    expect(sanitiseFilename('a\u0000b\nc.png', 'image')).toBe('abc.png')
    expect(sanitiseFilename('evil\u202Egnp.exe', 'image')).toBe('evilgnp.exe')
    expect(sanitiseFilename('what?<now>.png', 'image')).toBe('what__now_.png')
  })

  it('falls back when nothing is left, and shortens long names keeping the extension', () => {
    expect(sanitiseFilename('', 'image')).toBe('image')
    expect(sanitiseFilename(null, 'image')).toBe('image')
    const long = sanitiseFilename(`${'a'.repeat(300)}.jpeg`, 'image')
    expect(Array.from(long)).toHaveLength(maxFilenameLength)
    expect(long.endsWith('.jpeg')).toBe(true)
    expect(Array.from(sanitiseFilename('😀'.repeat(200), 'image'))).toHaveLength(maxFilenameLength)
  })
})

describe('downloadFilename', () => {
  it('adds the real extension when the name claims another type', () => {
    expect(downloadFilename('notes.html', 'image/png')).toBe('notes.html.png')
    expect(downloadFilename('photo', 'image/jpeg')).toBe('photo.jpg')
    expect(downloadFilename('Photo.JPEG', 'image/jpeg')).toBe('Photo.JPEG')
  })
})

describe('contentDisposition', () => {
  it('gives an ASCII fallback and the exact name in filename*', () => {
    expect(contentDisposition('inline', 'Szene 3 – Nacht.png')).toBe(
      `inline; filename="Szene 3 Nacht.png"; filename*=UTF-8''Szene%203%20%E2%80%93%20Nacht.png`,
    )
    expect(contentDisposition('attachment', `it's "odd" (1).png`)).toBe(
      `attachment; filename="it's _odd_ (1).png"; filename*=UTF-8''it%27s%20%22odd%22%20%281%29.png`,
    )
    expect(contentDisposition('attachment', '场景.png')).toMatch(/^attachment; filename="\.png"; filename\*=UTF-8''%E5%9C%BA%E6%99%AF\.png$/)
  })
})
