import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import type { DisclosureReport } from '@/lib/provenance/disclosure-report'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { getProjectDisclosure } from '@/server/services/provenance/get-project-disclosure'

// What the three report routes share: the project id validated, the report read for a viewer or above, and errors
// answered the way every other route answers them.

const routeParams = z.object({ projectId: idField('Project id') })

export async function handleDisclosure(
  context: { params: Promise<{ projectId: string }> },
  produce: (report: DisclosureReport) => Promise<Response> | Response,
): Promise<Response> {
  try {
    const { projectId } = routeParams.parse(await context.params)
    const report = await getProjectDisclosure({ actor: await getCurrentActor(), projectId })
    return await produce(report)
  } catch (error) {
    return errorResponse(error)
  }
}
