import { z } from 'zod'
import { orientations, paperSizes, storyboardFields, storyboardLayouts, storyboardPdfOptions, type StoryboardPdfOptions } from './storyboard-options'

// Export options travel as a query string (a plain GET link the browser downloads). The dialog builds it with
// these functions and the routes read it with the schemas, so both sides agree on names and spellings.

const flag = z.enum(['1', '0', 'true', 'false']).transform((value) => value === '1' || value === 'true')

export const storyboardQuery = z
  .strictObject({
    layout: z.enum(storyboardLayouts).optional(),
    orientation: z.enum(orientations).optional(),
    paper: z.enum(paperSizes).optional(),
    ...Object.fromEntries(storyboardFields.map((field) => [field, flag.optional()])),
  })
  .transform((query) => storyboardPdfOptions.parse(query))

export const shotListPdfQuery = z.strictObject({ paper: z.enum(paperSizes).default('a4') })
export const shotListCsvQuery = z.strictObject({})

export function queryObject(searchParams: URLSearchParams): Record<string, string> {
  return Object.fromEntries(searchParams.entries())
}

export function storyboardQueryString(options: StoryboardPdfOptions): string {
  const params = new URLSearchParams({ layout: options.layout, orientation: options.orientation, paper: options.paper })
  for (const field of storyboardFields) params.set(field, options[field] ? '1' : '0')
  return params.toString()
}

export type ExportKind = 'storyboard.pdf' | 'shot-list.csv' | 'shot-list.pdf'

export function exportUrl(projectId: string, kind: ExportKind, query = ''): string {
  return `/api/projects/${encodeURIComponent(projectId)}/exports/${kind}${query ? `?${query}` : ''}`
}

/** "night-shift-storyboard-2026-11-25.pdf": ASCII only, so every browser and OS keeps the name as given. */
export function exportFilename(projectName: string, what: string, extension: string, date: Date): string {
  const slug = projectName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '')
  return `${slug || 'project'}-${what}-${date.toISOString().slice(0, 10)}.${extension}`
}

/** "25 Nov 2026", in UTC so the header does not depend on the server's zone. */
export function exportDateText(date: Date): string {
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(date)
}
