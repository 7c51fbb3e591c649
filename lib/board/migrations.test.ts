import * as Y from 'yjs'
import { describe, expect, it } from 'vitest'
import { isAppError } from '../errors'
import { createBoard } from './board'
import { BOARD_SCHEMA_VERSION } from './layout'
import { boardMigrations, canEditBoard, migrateBoard, type BoardMigration } from './migrations'

describe('migrateBoard', () => {
  it('stamps a new board with the current schema version, once', () => {
    const doc = new Y.Doc()
    expect(migrateBoard(doc)).toEqual({ from: 0, to: BOARD_SCHEMA_VERSION, applied: [1] })
    expect(doc.getMap('meta').get('schemaVersion')).toBe(BOARD_SCHEMA_VERSION)
    expect(migrateBoard(doc)).toEqual({ from: BOARD_SCHEMA_VERSION, to: BOARD_SCHEMA_VERSION, applied: [] })
  })

  it('runs the missing steps in order, each in its own transaction', () => {
    const doc = new Y.Doc()
    migrateBoard(doc)
    const board = createBoard(doc)
    const scene = board.insertScene({}, { heading: 'int. kitchen – night' })
    const ran: number[] = []
    const upperCaseHeadings: BoardMigration = {
      version: 3,
      description: 'Scene headings in capitals',
      up: (maps) => {
        ran.push(3)
        maps.scenes.forEach((entity) => entity.set('heading', String(entity.get('heading')).toUpperCase()))
      },
    }
    const noop: BoardMigration = { version: 2, description: 'nothing', up: () => void ran.push(2) }
    let transactions = 0
    doc.on('afterTransaction', () => transactions++)
    expect(migrateBoard(doc, [...boardMigrations, upperCaseHeadings, noop])).toEqual({ from: 1, to: 3, applied: [2, 3] })
    expect(ran).toEqual([2, 3])
    expect(transactions).toBe(2)
    expect(board.getScene(scene).heading).toBe('INT. KITCHEN – NIGHT')
  })

  it('makes a board saved by a newer version read-only here, changing nothing', () => {
    const doc = new Y.Doc()
    const board = createBoard(doc)
    const scene = board.insertScene()
    doc.getMap('meta').set('schemaVersion', BOARD_SCHEMA_VERSION + 1)
    expect(canEditBoard(doc)).toBe(false)
    const before = Y.encodeStateAsUpdate(doc)
    let error: unknown
    try {
      board.updateScene(scene, { heading: 'EXT. ROAD – DAY' })
    } catch (caught) {
      error = caught
    }
    expect(isAppError(error) && error.code).toBe('CONFLICT')
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before)
    expect(board.listScenes()).toHaveLength(1) // reading still works
  })
})
