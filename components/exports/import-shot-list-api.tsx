'use client'
// The import server action, handed down by the page (app/ owns actions; components/ never imports server/).
import { createContext, useContext, type ReactNode } from 'react'
import type { ServerAction } from '@/lib/action-result'
import type { ImportShotListOutcome } from '@/lib/exports/shot-list-csv-import'

export type ImportShotListApi = ServerAction<{ projectId: string; csv: string }, ImportShotListOutcome>

const ImportShotListContext = createContext<ImportShotListApi | null>(null)

export function ImportShotListProvider({ importShotList, children }: { importShotList: ImportShotListApi; children: ReactNode }) {
  return <ImportShotListContext.Provider value={importShotList}>{children}</ImportShotListContext.Provider>
}

export function useImportShotList(): ImportShotListApi | null {
  return useContext(ImportShotListContext)
}
