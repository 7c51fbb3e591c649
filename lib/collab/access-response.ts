import { z } from 'zod'
import { roles } from '@/lib/roles'
import { presenceUser } from './presence'

/** The answer of GET /collab/<docId>: may this session open the document, and how. */
export const collabAccessResponse = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    access: z.enum(['read-write', 'read-only']),
    role: z.enum(roles),
    user: presenceUser,
  }),
  z.object({ ok: z.literal(false), status: z.number().int(), message: z.string() }),
])
export type CollabAccessResponse = z.infer<typeof collabAccessResponse>
