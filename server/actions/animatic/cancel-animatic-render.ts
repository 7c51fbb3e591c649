'use server'
// Stops an animatic render that is waiting or running (editors and owners); nothing of it is kept.
import { animaticRenderInput } from '@/server/services/animatic/animatic-render-schemas'
import { cancelAnimaticRender } from '@/server/services/animatic/cancel-animatic-render'
import { runAction } from '../run-action'

export async function cancelAnimaticRenderAction(input: unknown) {
  return runAction(animaticRenderInput, input, (data, actor) => cancelAnimaticRender({ ...data, actor }))
}
