// Learns which project each panel belongs to from the board documents (their `panels` map is keyed by panel id) and
// records it in doc_panels, through which panel:<id> documents are authorised. The first board to name a panel owns it.
import { getDb } from '@/db'
import { docPanels } from '@/db/schema'
import { collabId } from '@/lib/collab/doc-name'
import { Batcher } from './batcher'

interface PanelClaim {
  panelId: string
  projectId: string
}

export class PanelRegistry {
  private readonly batcher: Batcher<PanelClaim>

  constructor(flushMs: number, log: (line: string) => void) {
    this.batcher = new Batcher({
      delayMs: flushMs,
      write: (claims) => writeClaims(claims, log),
      onError: (error, attempt) => log(`could not record panel ownership (attempt ${attempt}), retrying: ${(error as Error).message}`),
    })
  }

  /** Ids that are not valid document ids can never be opened as panel documents, so they are not recorded. */
  claim(projectId: string, panelId: string): void {
    if (collabId.safeParse(panelId).success) this.batcher.push({ panelId, projectId })
  }

  flush(): Promise<void> {
    return this.batcher.flush()
  }

  stop(): void {
    this.batcher.stop()
  }
}

async function writeClaims(claims: PanelClaim[], log: (line: string) => void): Promise<void> {
  const unique = [...new Map(claims.map((claim) => [claim.panelId, claim])).values()]
  const db = await getDb()
  try {
    await db.insert(docPanels).values(unique).onConflictDoNothing({ target: docPanels.panelId })
  } catch (error) {
    // A deleted project (foreign key) must not block every other claim in the batch; other errors are retried.
    if (!isForeignKeyViolation(error)) throw error
    if (unique.length === 1) {
      log(`panel ${unique[0]?.panelId} not recorded: project ${unique[0]?.projectId} no longer exists`)
      return
    }
    for (const claim of unique) await writeClaims([claim], log)
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  // drizzle wraps driver errors; pg and PGlite both carry the SQLSTATE in `code`.
  for (let current: unknown = error; current instanceof Error; current = current.cause) {
    if ((current as Error & { code?: unknown }).code === '23503') return true
  }
  return false
}
