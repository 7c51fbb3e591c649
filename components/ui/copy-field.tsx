'use client'

import { useRef, useState } from 'react'
import { Check, Copy } from 'lucide-react'
import { toast } from 'sonner'
import { Button } from './button'
import { Input } from './input'

/** Copies text, falling back to a selection copy where the Clipboard API is unavailable (plain http hosts). */
async function copyText(text: string, input: HTMLInputElement | null): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(text)
    return true
  } catch {
    input?.select()
    return document.execCommand?.('copy') ?? false
  }
}

/** A read-only value with a copy button: for links that are shown once. */
export function CopyField({ id, value, label }: { id: string; value: string; label: string }) {
  const inputRef = useRef<HTMLInputElement>(null)
  const [copied, setCopied] = useState(false)
  return (
    <div className="flex gap-2">
      <Input
        ref={inputRef}
        id={id}
        value={value}
        readOnly
        aria-label={label}
        className="font-mono text-xs"
        onFocus={(event) => event.currentTarget.select()}
      />
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          const ok = await copyText(value, inputRef.current)
          if (ok) {
            setCopied(true)
            toast.success('Link copied')
          } else {
            toast.error('Could not copy automatically. Select the link and copy it.')
          }
        }}
      >
        {copied ? <Check aria-hidden /> : <Copy aria-hidden />}
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  )
}
