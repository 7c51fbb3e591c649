import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { markerExportFormats } from './marker-export-formats'
import { reviewFixtures, type ReviewFixtureId } from './testing/review-fixtures'

// The golden files are the reviewed, committed output of every export at 23.976, 25 and 29.97 DF. A change that
// alters a single byte fails here; regenerate with UPDATE_GOLDEN=1 only after reading the diff of the files.
const goldenDirectory = fileURLToPath(new URL('./__golden__/', import.meta.url))
const update = process.env.UPDATE_GOLDEN === '1'

const fileNames: Record<(typeof markerExportFormats)[number]['id'], string> = {
  csv: 'markers.csv',
  'resolve-edl': 'resolve-markers.edl',
  'premiere-xml': 'premiere.xml',
  fcpxml: 'final-cut.fcpxml',
  'avid-markers': 'avid-markers.txt',
}

const cases = (Object.keys(reviewFixtures) as ReviewFixtureId[]).flatMap((fixture) =>
  markerExportFormats.map((format) => ({ fixture, format, path: `${goldenDirectory}${fixture}.${fileNames[format.id]}` })),
)

describe('marker exports match their golden files byte for byte', () => {
  it.each(cases)('$fixture $format.id', ({ fixture, format, path }) => {
    const output = Buffer.from(format.render(reviewFixtures[fixture]), 'utf8')
    if (update) writeFileSync(path, output)
    expect(existsSync(path), `${path} is missing; run with UPDATE_GOLDEN=1 and review it`).toBe(true)
    const golden = readFileSync(path)
    // Compare as text first for a readable diff, then as bytes so encoding differences cannot hide.
    expect(output.toString('utf8')).toBe(golden.toString('utf8'))
    expect(output.equals(golden)).toBe(true)
  })
})
