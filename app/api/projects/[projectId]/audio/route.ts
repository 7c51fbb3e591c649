// POST /api/projects/:projectId/audio — uploads one sound file (the animatic's music or scratch voice) for editors and
// owners; answers 201 with the stored track. Body: the raw file with X-Filename (or multipart/form-data with a "file"
// field, see server/media/upload-request.ts). What the uploader declares about it goes in headers, since the body is
// the file: X-Storyreel-Category (music | voice_audio), X-Storyreel-Origin (human | imported | ai_generated) and, for
// ai_generated, X-Storyreel-AI-Provider and X-Storyreel-AI-Model (percent-encoded when not ASCII). Recorded in the
// provenance ledger with the asset.
import { z } from 'zod'
import { idField } from '@/lib/schemas/common'
import { audioUploadProvenance } from '@/lib/provenance/audio-upload'
import { requireRole } from '@/server/auth/require-role'
import { getCurrentActor } from '@/server/auth/session'
import { errorResponse } from '@/server/media/error-response'
import { audioLimitsFromEnv } from '@/server/media/ffmpeg/audio-limits'
import { readUploadBody } from '@/server/media/upload-request'
import { createAudioAsset } from '@/server/services/assets/create-audio-asset'

export const runtime = 'nodejs'

const routeParams = z.object({ projectId: idField('Project id') })

function header(request: Request, name: string): string | undefined {
  const value = request.headers.get(name)
  if (!value) return undefined
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

export async function POST(request: Request, context: { params: Promise<{ projectId: string }> }): Promise<Response> {
  try {
    const { projectId } = routeParams.parse(await context.params)
    const provenance = audioUploadProvenance.parse({
      category: header(request, 'x-storyreel-category'),
      origin: header(request, 'x-storyreel-origin') ?? 'human',
      provider: header(request, 'x-storyreel-ai-provider'),
      model: header(request, 'x-storyreel-ai-model'),
    })
    const actor = await getCurrentActor()
    // Checked before a byte of the body is read, so strangers cannot make us receive anything.
    await requireRole(actor, { projectId }, 'editor')
    const limits = audioLimitsFromEnv()
    const { body, filename } = await readUploadBody(request, limits.maxBytes, 'sound file')
    const track = await createAudioAsset({ actor, projectId, body, filename, provenance, limits })
    return Response.json(track, { status: 201, headers: { Location: track.url, 'Cache-Control': 'no-store' } })
  } catch (error) {
    return errorResponse(error)
  }
}
