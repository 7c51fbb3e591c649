'use server'
// Queues a render of the project's board into review (editors and owners); answers the job id the progress bar polls.
import { requestAnimaticRenderInput } from '@/server/services/animatic/animatic-render-schemas'
import { requestAnimaticRender } from '@/server/services/animatic/request-animatic-render'
import { runAction } from '../run-action'

export async function requestAnimaticRenderAction(input: unknown) {
  return runAction(requestAnimaticRenderInput, input, (data, actor) => requestAnimaticRender({ ...data, actor }))
}
