// Board co-editors for the cluster tests: stock y-websocket providers (on `ws`, with a browser's cookie and Origin)
// spread over the instances, each adding scenes whose headings name the client and the edit, so "every edit arrived"
// is a set comparison on the board's own model (lib/board), both in every client and in the stored document.
import type * as Y from 'yjs'
import { createBoard } from '@/lib/board'
import { boardDocId } from '@/lib/board/layout'
import { connectClient, waitUntil, whenSynced, type TestClient } from '@/server/collab/testing/clients'

export interface BoardEditor {
  name: string
  client: TestClient
  edits: string[]
  edit(): void
}

export function boardHeadings(doc: Y.Doc): Set<string> {
  const board = createBoard(doc)
  try {
    return new Set(board.listScenes().map((scene) => scene.heading))
  } finally {
    board.destroy()
  }
}

export async function connectBoardEditors(options: {
  count: number
  projectId: string
  cookie: string
  origin: string
  /** The instance (or proxy) base URL each client connects to, by client index. */
  baseUrlFor: (index: number) => string
}): Promise<BoardEditor[]> {
  const docName = boardDocId(options.projectId)
  const editors = Array.from({ length: options.count }, (_, index): BoardEditor => {
    const wsUrl = `${options.baseUrlFor(index).replace(/^http/, 'ws')}/collab`
    const client = connectClient({ wsUrl, docName, headers: { Cookie: options.cookie, Origin: options.origin }, maxBackoffTime: 1_000 })
    const board = createBoard(client.doc)
    const name = `c${index}`
    const edits: string[] = []
    return {
      name,
      client,
      edits,
      edit() {
        const heading = `${name}-e${edits.length}`
        edits.push(heading)
        board.insertScene({}, { heading })
      },
    }
  })
  await Promise.all(editors.map((editor) => whenSynced(editor.client, 30_000)))
  return editors
}

/** Waits until every editor's document holds every edit anyone made; names the worst-off client if it does not. */
export async function waitForConvergence(editors: BoardEditor[], timeoutMs: number): Promise<Set<string>> {
  const expected = new Set(editors.flatMap((editor) => editor.edits))
  const missingIn = (editor: BoardEditor) => {
    const seen = boardHeadings(editor.client.doc)
    return [...expected].filter((heading) => !seen.has(heading))
  }
  await waitUntil(() => editors.every((editor) => missingIn(editor).length === 0), {
    timeoutMs,
    intervalMs: 200,
    message: `clients did not converge: ${editors.map((editor) => `${editor.name} missing ${missingIn(editor).length}`).join(', ')}`,
  }).catch((error: Error) => {
    const worst = editors.map((editor) => ({ name: editor.name, missing: missingIn(editor) })).sort((a, b) => b.missing.length - a.missing.length)[0]
    throw new Error(`${error.message}; e.g. ${worst?.name} misses ${worst?.missing.slice(0, 5).join(', ')}`)
  })
  return expected
}

export function destroyEditors(editors: BoardEditor[]): void {
  for (const editor of editors) editor.client.destroy()
}
