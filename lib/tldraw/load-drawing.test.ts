import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createShapeId, type SerializedSchema, type TLGeoShape, type TLRecord } from 'tldraw'
import fixture from './__fixtures__/geo-v9-drawing.json'
import { loadDrawing, writtenByNewerVersion } from './load-drawing'
import { metaMapName, openRecords, schemaKey, storedSchema } from './yjs-records'
import { newStore } from './test-support'

function docWith(records: unknown[], schema: unknown): Y.Doc {
  const doc = new Y.Doc()
  const entries = openRecords(doc)
  doc.transact(() => {
    for (const record of records as TLRecord[]) entries.set(record.id, record)
    doc.getMap(metaMapName).set(schemaKey, schema)
  })
  return doc
}

const heroBox = createShapeId('hero-box')

describe('loading a panel drawing', () => {
  it('migrates a drawing written before rich text and writes the upgraded records and schema back', () => {
    const doc = docWith(fixture.records, fixture.schema)
    const store = newStore()
    expect(loadDrawing(store, doc, 'me')).toEqual({ kind: 'loaded', migrated: true })

    const loaded = store.get(heroBox) as TLGeoShape
    expect(loaded.props).toMatchObject({ flipX: false, flipY: false })
    expect(JSON.stringify(loaded.props.richText)).toContain('Hero enters')
    expect(loaded.props).not.toHaveProperty('text')

    const written = openRecords(doc).get(heroBox) as TLGeoShape
    expect(written.props).toEqual(loaded.props)
    expect(storedSchema(doc)).toEqual(store.schema.serialize())
  })

  it('upgrades only its own copy for someone who may not write (a viewer)', () => {
    const doc = docWith(fixture.records, fixture.schema)
    const store = newStore()
    expect(loadDrawing(store, doc, 'viewer', { writeBack: false })).toEqual({ kind: 'loaded', migrated: true })
    expect((store.get(heroBox) as TLGeoShape).props).toHaveProperty('richText')
    expect((openRecords(doc).get(heroBox) as TLGeoShape).props).toHaveProperty('text', 'Hero enters')
    expect(storedSchema(doc)).toEqual(fixture.schema)
  })

  it('leaves a current drawing untouched in the document', () => {
    const first = docWith(fixture.records, fixture.schema)
    loadDrawing(newStore(), first, 'me')
    const before = Y.encodeStateAsUpdate(first)
    expect(loadDrawing(newStore(), first, 'other')).toEqual({ kind: 'loaded', migrated: false })
    expect(Y.encodeStateAsUpdate(first)).toEqual(before)
  })

  it('refuses a drawing from a newer tldraw instead of downgrading it', () => {
    const store = newStore()
    const newer: SerializedSchema = structuredClone(store.schema.serialize())
    if (newer.schemaVersion === 2) newer.sequences['com.tldraw.shape.geo'] = 99
    const doc = docWith(fixture.records.slice(0, 2), newer)
    expect(loadDrawing(store, doc, 'me')).toMatchObject({ kind: 'too-new' })
    expect(store.allRecords()).toHaveLength(0)
  })

  it('notices when a newer client upgrades the drawing while it is open here', () => {
    const store = newStore()
    const doc = docWith(fixture.records, fixture.schema)
    loadDrawing(store, doc, 'me')
    expect(writtenByNewerVersion(store, doc)).toBeNull()
    const newer: SerializedSchema = structuredClone(store.schema.serialize())
    if (newer.schemaVersion === 2) newer.sequences['com.tldraw.shape.draw'] = 99
    doc.getMap(metaMapName).set(schemaKey, newer)
    expect(writtenByNewerVersion(store, doc)).toMatchObject({ kind: 'too-new' })
  })

  it('reports an empty document so the editor can start a new drawing', () => {
    expect(loadDrawing(newStore(), new Y.Doc(), 'me')).toEqual({ kind: 'empty' })
  })
})
