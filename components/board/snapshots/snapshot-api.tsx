'use client'
// The server actions the versions dialog calls, as one interface handed down by the page (app/ owns the actions;
// components/ never imports server/), so the dialog can also be rendered without a server.
import { createContext, useContext, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import type { CreateSnapshotInput, RestoreResult, SnapshotPreview, SnapshotRefInput, SnapshotSummary } from '@/lib/schemas/boards'

export interface SnapshotApi {
  create(input: CreateSnapshotInput): Promise<ActionResult<{ snapshotId: string }>>
  list(input: { projectId: string }): Promise<ActionResult<SnapshotSummary[]>>
  preview(input: SnapshotRefInput): Promise<ActionResult<SnapshotPreview>>
  restore(input: SnapshotRefInput): Promise<ActionResult<RestoreResult>>
}

const SnapshotApiContext = createContext<SnapshotApi | null>(null)

export function SnapshotApiProvider({ api, children }: { api: SnapshotApi; children: ReactNode }) {
  return <SnapshotApiContext.Provider value={api}>{children}</SnapshotApiContext.Provider>
}

export function useSnapshotApi(): SnapshotApi | null {
  return useContext(SnapshotApiContext)
}
