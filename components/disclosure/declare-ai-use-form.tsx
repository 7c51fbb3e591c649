'use client'
// "Declare AI use": for what Storyreel could not see being made (a script drafted with a model, a voice clone, a
// poster). Editors fill in what, how and with which model; an optional picture (a poster) is uploaded first and the
// declaration is about it. The page refreshes so the summary counts it under its category.
import { FilePlus2 } from 'lucide-react'
import { useRouter } from 'next/navigation'
import { useId, useRef, useState } from 'react'
import { toast } from 'sonner'
import { Button } from '@/components/ui/button'
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from '@/components/ui/card'
import { Input, inputClassName } from '@/components/ui/input'
import type { ActionResult } from '@/lib/action-result'
import { categoryLabels, originLabels, provenanceCategories, provenanceOrigins, type ProvenanceCategory, type ProvenanceOrigin } from '@/lib/provenance/vocabulary'

export interface DeclareAiUseFormInput {
  projectId: string
  title: string
  category: ProvenanceCategory
  origin: ProvenanceOrigin
  provider?: string
  model?: string
  description: string
  assetId?: string | null
}

type Draft = Omit<DeclareAiUseFormInput, 'projectId' | 'assetId'>
const empty: Draft = { title: '', category: 'script_dialogue', origin: 'ai_assisted', provider: '', model: '', description: '' }

export function DeclareAiUseForm({ projectId, declare }: { projectId: string; declare: (input: DeclareAiUseFormInput) => Promise<ActionResult<{ entryId: string }>> }) {
  const ids = useId()
  const router = useRouter()
  const fileInput = useRef<HTMLInputElement>(null)
  const [draft, setDraft] = useState<Draft>(empty)
  const [file, setFile] = useState<File | null>(null)
  const [pending, setPending] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const needsModel = draft.origin === 'ai_generated' || draft.origin === 'ai_assisted'

  async function submit(event: React.FormEvent) {
    event.preventDefault()
    setPending(true)
    setError(null)
    try {
      const assetId = file ? await uploadPicture(projectId, file) : null
      const result = await declare({ projectId, ...draft, assetId })
      if (!result.ok) {
        setError(result.error.message)
        return
      }
      toast.success('Declared in the ledger')
      setDraft(empty)
      setFile(null)
      if (fileInput.current) fileInput.current.value = ''
      router.refresh()
    } catch (uploadError) {
      setError(uploadError instanceof Error ? uploadError.message : 'The declaration could not be saved. Try again.')
    } finally {
      setPending(false)
    }
  }

  const field = (id: string, label: string, control: React.ReactNode, hint?: string) => (
    <div className="flex flex-col gap-1.5">
      <label htmlFor={`${ids}-${id}`} className="text-sm font-medium">
        {label}
      </label>
      {control}
      {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
    </div>
  )

  return (
    <Card data-testid="declare-ai-use">
      <form onSubmit={submit}>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <FilePlus2 aria-hidden className="size-4 text-muted-foreground" /> Declare AI use
          </CardTitle>
          <CardDescription>
            For work made outside Storyreel: dialogue drafted with a language model, a cloned voice in a performance, a poster. It is added to the
            ledger and counted in the report under its category.
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          {field('title', 'What was made', <Input id={`${ids}-title`} required maxLength={120} value={draft.title} placeholder="Scene 3 dialogue" onChange={(e) => setDraft({ ...draft, title: e.target.value })} />)}
          {field(
            'category',
            'Category',
            <select id={`${ids}-category`} className={inputClassName} value={draft.category} onChange={(e) => setDraft({ ...draft, category: e.target.value as ProvenanceCategory })}>
              {provenanceCategories.map((category) => (
                <option key={category} value={category}>
                  {categoryLabels[category]}
                </option>
              ))}
            </select>,
          )}
          {field(
            'origin',
            'Who or what made it',
            <select id={`${ids}-origin`} className={inputClassName} value={draft.origin} onChange={(e) => setDraft({ ...draft, origin: e.target.value as ProvenanceOrigin })}>
              {provenanceOrigins.map((origin) => (
                <option key={origin} value={origin}>
                  {originLabels[origin]}
                </option>
              ))}
            </select>,
          )}
          {needsModel ? (
            <div className="grid grid-cols-2 gap-3">
              {field('provider', 'AI service', <Input id={`${ids}-provider`} maxLength={100} value={draft.provider} placeholder="openai" onChange={(e) => setDraft({ ...draft, provider: e.target.value })} />)}
              {field('model', 'Model', <Input id={`${ids}-model`} maxLength={200} value={draft.model} placeholder="gpt-4o" onChange={(e) => setDraft({ ...draft, model: e.target.value })} />)}
            </div>
          ) : (
            <div />
          )}
          <div className="sm:col-span-2">
            {field(
              'description',
              'How AI was used',
              <textarea
                id={`${ids}-description`}
                required
                maxLength={2000}
                rows={3}
                className={`${inputClassName} h-auto py-2`}
                value={draft.description}
                placeholder="First draft of the dialogue generated from our outline, then rewritten by the director."
                onChange={(e) => setDraft({ ...draft, description: e.target.value })}
              />,
            )}
          </div>
          <div className="sm:col-span-2">
            {field(
              'file',
              'Picture (optional)',
              <input
                id={`${ids}-file`}
                ref={fileInput}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                className="text-sm file:mr-3 file:rounded-md file:border file:border-border file:bg-muted file:px-3 file:py-1 file:text-sm"
                onChange={(e) => setFile(e.target.files?.[0] ?? null)}
              />,
              'A poster or still the declaration is about. Without one, the declaration is kept as a short text record.',
            )}
          </div>
          {error ? (
            <p className="text-sm text-destructive sm:col-span-2" role="alert">
              {error}
            </p>
          ) : null}
        </CardContent>
        <CardFooter>
          <Button type="submit" pending={pending}>
            Add to the ledger
          </Button>
        </CardFooter>
      </form>
    </Card>
  )
}

/** The picture through the image upload route (checked there like any upload); answers its asset id. */
async function uploadPicture(projectId: string, file: File): Promise<string> {
  const response = await fetch(`/api/projects/${encodeURIComponent(projectId)}/assets`, {
    method: 'POST',
    body: file,
    headers: { 'X-Filename': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
  })
  const body = (await response.json().catch(() => null)) as { id?: string; error?: { message?: string } } | null
  if (!response.ok || !body?.id) throw new Error(body?.error?.message ?? 'The picture could not be uploaded.')
  return body.id
}
