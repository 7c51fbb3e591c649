// Shared by the tldraw binding tests: real stores with tldraw's default shapes, and documents that sync like peers.
import * as Y from 'yjs'
import { createTLStore, defaultBindingUtils, defaultShapeUtils, type TLStore } from 'tldraw'

export function newStore(): TLStore {
  return createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils })
}

/** Two documents that pass every update to each other, as the collab server would. */
export function connectedDocs(): [Y.Doc, Y.Doc] {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(b, update, 'relay'))
  b.on('update', (update: Uint8Array, origin: unknown) => origin !== 'relay' && Y.applyUpdate(a, update, 'relay'))
  return [a, b]
}
