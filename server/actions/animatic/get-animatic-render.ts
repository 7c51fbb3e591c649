'use server'
// How an animatic render is going (state, progress, what it is doing) and, once done, the review version it became.
import { animaticRenderInput } from '@/server/services/animatic/animatic-render-schemas'
import { getAnimaticRender } from '@/server/services/animatic/get-animatic-render'
import { runAction } from '../run-action'

export async function getAnimaticRenderAction(input: unknown) {
  return runAction(animaticRenderInput, input, (data, actor) => getAnimaticRender({ ...data, actor }))
}
