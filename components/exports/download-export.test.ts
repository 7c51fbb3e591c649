import { describe, expect, it } from 'vitest'
import { filenameFromDisposition } from './download-export'

describe('filenameFromDisposition', () => {
  it('takes the name the server chose, or the fallback', () => {
    expect(filenameFromDisposition('attachment; filename="pilot-storyboard-2026-11-25.pdf"', 'x.pdf')).toBe('pilot-storyboard-2026-11-25.pdf')
    expect(filenameFromDisposition(null, 'storyboard.pdf')).toBe('storyboard.pdf')
    expect(filenameFromDisposition('attachment', 'shot-list.csv')).toBe('shot-list.csv')
  })
})
