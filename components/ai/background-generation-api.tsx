'use client'
// The server actions "Generate background" calls, handed down by the page (app/ owns the actions; components/ never
// imports server/), so the dialog can also be rendered without a server.
import { createContext, useContext, type ReactNode } from 'react'
import type { ActionResult } from '@/lib/action-result'
import type { BackgroundGenerationStatus, ChosenBackground } from '@/lib/ai/background-generation-status'

export interface StartBackgroundGenerationInput {
  projectId: string
  panelId: string
  prompt: string
  stylePreset: string
  negativePrompt?: string
  seed?: number
  variations: number
}

export interface BackgroundGenerationApi {
  start(input: StartBackgroundGenerationInput): Promise<ActionResult<{ generationId: string }>>
  get(input: { projectId: string; generationId: string }): Promise<ActionResult<BackgroundGenerationStatus>>
  cancel(input: { projectId: string; generationId: string }): Promise<ActionResult<{ cancelled: boolean }>>
  choose(input: { projectId: string; generationId: string; assetId: string }): Promise<ActionResult<ChosenBackground>>
}

const BackgroundGenerationApiContext = createContext<BackgroundGenerationApi | null>(null)

export function BackgroundGenerationApiProvider({ api, children }: { api: BackgroundGenerationApi; children: ReactNode }) {
  return <BackgroundGenerationApiContext.Provider value={api}>{children}</BackgroundGenerationApiContext.Provider>
}

/** Null where no page provided the actions: the editor then offers no "Generate background". */
export function useBackgroundGenerationApi(): BackgroundGenerationApi | null {
  return useContext(BackgroundGenerationApiContext)
}
