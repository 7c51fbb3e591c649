import { readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { exportFilename } from '@/lib/exports/export-query'
import type { FontFiles } from '@/lib/exports/pdf-resources'
import type { ExportProject } from '@/lib/exports/storyboard-pdf'
import type { Actor } from '@/server/auth/require-role'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { readBoard, type ReadBoard } from '@/server/services/boards/read-board'

// What the three export routes share: params and query validated with zod, the board read for a viewer or above
// (readBoard → getProject → requireRole 'viewer'), and a download answer that browsers save and never render inline.

const routeParams = z.object({ projectId: idField('Project id') })

export interface ExportRequest extends ReadBoard {
  actor: Actor | null
  exportProject: ExportProject
}

export async function handleExport<Q extends z.ZodType>(
  request: Request,
  context: { params: Promise<{ projectId: string }> },
  querySchema: Q,
  produce: (exportRequest: ExportRequest, query: z.infer<Q>) => Promise<Response>,
): Promise<Response> {
  let read: ReadBoard | null = null
  try {
    const { projectId } = routeParams.parse(await context.params)
    const query = querySchema.parse(Object.fromEntries(new URL(request.url).searchParams.entries()))
    const actor = await getCurrentActor()
    read = await readBoard({ actor, projectId })
    const { project } = read
    const exportProject = { name: project.name, width: project.width, height: project.height, rate: { numerator: project.fpsNumerator, denominator: project.fpsDenominator } }
    return await produce({ ...read, actor, exportProject }, query)
  } catch (error) {
    return errorResponse(error)
  } finally {
    read?.board.destroy()
    read?.doc.destroy()
  }
}

export function downloadResponse(body: Uint8Array | string, contentType: string, projectName: string, what: string, extension: string): Response {
  const filename = exportFilename(projectName, what, extension, new Date())
  return new Response(typeof body === 'string' ? body : Buffer.from(body), {
    headers: {
      'Content-Type': contentType,
      'Content-Disposition': `attachment; filename="${filename}"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  })
}

let fonts: Promise<FontFiles> | null = null
/** DejaVu from node_modules, read once per process. */
export function loadExportFonts(): Promise<FontFiles> {
  const dir = join(process.cwd(), 'node_modules', 'dejavu-fonts-ttf', 'ttf')
  fonts ??= Promise.all([readFile(join(dir, 'DejaVuSans.ttf')), readFile(join(dir, 'DejaVuSans-Bold.ttf'))]).then(([regular, bold]) => ({ regular, bold }))
  fonts.catch(() => (fonts = null))
  return fonts
}
