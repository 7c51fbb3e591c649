'use server'
// Records a member's declaration of AI use in the project's provenance ledger (editors and owners).
import { declareAiUseInput } from '@/lib/provenance/declaration'
import { declareAiUse } from '@/server/services/provenance/declare-ai-use'
import { runAction } from '../run-action'

export async function declareAiUseAction(input: unknown) {
  return runAction(declareAiUseInput, input, (data, actor) => declareAiUse({ ...data, actor }))
}
