import { describe, expect, it } from 'vitest'
import { exportFilename, queryObject, storyboardQuery, storyboardQueryString } from './export-query'
import { storyboardPdfOptions } from './storyboard-options'

describe('export query strings', () => {
  it('round-trip the storyboard options the dialog builds', () => {
    const options = storyboardPdfOptions.parse({ layout: '3x3', orientation: 'portrait', notes: true, dialogue: false })
    expect(storyboardQuery.parse(queryObject(new URLSearchParams(storyboardQueryString(options))))).toEqual(options)
  })

  it('default what is left out and reject what is unknown or misspelt', () => {
    expect(storyboardQuery.parse({})).toEqual(storyboardPdfOptions.parse({}))
    expect(storyboardQuery.safeParse({ layout: '4x4' }).success).toBe(false)
    expect(storyboardQuery.safeParse({ dialogue: 'yes' }).success).toBe(false)
    expect(storyboardQuery.safeParse({ colour: 'red' }).success).toBe(false)
  })
})

describe('export file names', () => {
  it('are ASCII slugs that cannot break a Content-Disposition header', () => {
    const date = new Date('2026-11-25T03:00:00Z')
    expect(exportFilename('Zoë’s "Night" Shift; rm -rf /', 'storyboard', 'pdf', date)).toBe('zoe-s-night-shift-rm-rf-storyboard-2026-11-25.pdf')
    expect(exportFilename('夜', 'shot-list', 'csv', date)).toBe('project-shot-list-2026-11-25.csv')
  })
})
