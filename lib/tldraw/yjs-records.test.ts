import { describe, expect, it } from 'vitest'
import { CameraRecordType, DocumentRecordType, PageRecordType, TLDOCUMENT_ID, createShapeId, toRichText, type TLGeoShape, type TLRecord } from 'tldraw'
import { bindStoreToDoc, openRecords, opsFromEntryChanges } from './yjs-records'
import { connectedDocs, newStore } from './test-support'

function rectangle(id: string, x: number): TLGeoShape {
  return {
    id: createShapeId(id), typeName: 'shape', type: 'geo', x, y: 10, rotation: 0, index: 'a1' as TLGeoShape['index'],
    parentId: PageRecordType.createId('page'), isLocked: false, opacity: 1, meta: {},
    props: {
      geo: 'rectangle', dash: 'draw', url: '', w: 120, h: 80, growY: 0, scale: 1, flipX: false, flipY: false,
      labelColor: 'black', color: 'black', fill: 'none', size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle',
      richText: toRichText(''),
    },
  }
}
const page = PageRecordType.create({ id: PageRecordType.createId('page'), name: 'Page 1', index: 'a1' as TLGeoShape['index'] })
const documentRecord = DocumentRecordType.create({ id: TLDOCUMENT_ID })

function twoPeers() {
  const [docA, docB] = connectedDocs()
  const [storeA, storeB] = [newStore(), newStore()]
  const stop = [bindStoreToDoc(storeA, docA, 'peer-a'), bindStoreToDoc(storeB, docB, 'peer-b')]
  return { docA, docB, storeA, storeB, stop: () => stop.forEach((s) => s()) }
}

describe('binding a tldraw store to a Y.Doc', () => {
  it('sends a rectangle drawn by one person to the other, then its move and its deletion', () => {
    const { storeA, storeB, docA } = twoPeers()
    storeA.put([page, rectangle('box', 10)])
    expect(storeB.get(createShapeId('box'))).toMatchObject({ type: 'geo', x: 10 })
    expect(openRecords(docA).get(createShapeId('box'))).toMatchObject({ x: 10 })

    storeA.update(createShapeId('box'), (r) => ({ ...r, x: 250 }))
    expect(storeB.get(createShapeId('box'))).toMatchObject({ x: 250 })

    storeA.remove([createShapeId('box')])
    expect(storeB.get(createShapeId('box'))).toBeUndefined()
    expect(openRecords(docA).has(createShapeId('box'))).toBe(false)
  })

  it('merges remote records as remote changes, so they are not echoed back into the document', () => {
    const { storeA, storeB, docB } = twoPeers()
    const sources: string[] = []
    storeB.listen((entry) => sources.push(entry.source), { scope: 'document' })
    let writesFromB = 0
    docB.on('afterTransaction', (t) => { if (t.origin === 'peer-b') writesFromB += 1 })
    storeA.put([documentRecord, page, rectangle('box', 10)])
    expect(sources).toEqual(['remote'])
    expect(writesFromB).toBe(0)
  })

  it('keeps session state (camera, selection) out of the document', () => {
    const { storeA, docA } = twoPeers()
    storeA.put([documentRecord, page, CameraRecordType.create({ id: CameraRecordType.createId('page') })])
    const typeNames = [...openRecords(docA).map.values()].map((e) => e.val.typeName).sort()
    expect(typeNames).toEqual(['document', 'page'])
  })

  it('skips a record that fails validation and still applies the valid ones next to it', () => {
    const { docA, storeB } = twoPeers()
    const rejected: string[] = []
    const storeC = newStore()
    bindStoreToDoc(storeC, docA, 'peer-c', (record) => rejected.push(record.id))
    const broken = { ...rectangle('bad', 0), props: { geo: 'rectangle' } } as unknown as TLRecord
    docA.transact(() => {
      openRecords(docA).set(page.id, page)
      openRecords(docA).set(broken.id, broken)
    }, 'someone-else')
    expect(rejected).toEqual([broken.id])
    expect(storeC.get(page.id)).toBeDefined()
    expect(storeB.get(page.id)).toBeDefined()
    expect(storeC.get(broken.id)).toBeUndefined()
  })

  it('stops syncing once unbound', () => {
    const { storeA, storeB, stop } = twoPeers()
    stop()
    storeA.put([page])
    expect(storeB.get(page.id)).toBeUndefined()
  })
})

describe('opsFromEntryChanges', () => {
  it('turns additions and updates into puts and deletions into removals', () => {
    const ops = opsFromEntryChanges(new Map([
      ['page:page', { action: 'add' as const, newValue: page }],
      ['shape:gone', { action: 'delete' as const }],
    ]))
    expect(ops).toEqual({ put: [page], remove: ['shape:gone'] })
  })
})
