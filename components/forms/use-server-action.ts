'use client'

import { useRouter } from 'next/navigation'
import { useCallback, useState, useTransition } from 'react'
import { toast } from 'sonner'
import type { ActionResult, ServerAction } from '@/lib/action-result'

interface Options<T> {
  /** Toast on success; a function can mention what was created. Omit for actions whose result is visible anyway. */
  success?: string | ((data: T) => string)
  onSuccess?: (data: T) => void | Promise<void>
  /** Re-render the server components on the page so they show the change (default true). */
  refresh?: boolean
}

const unreachable = 'Could not reach Storyreel. Check your connection and try again.'

/**
 * Runs a server action from a form: pending state while it runs, every failure and (optionally) success as a
 * toast, the server's per-field messages for inline display, and a refresh so server-rendered data catches up.
 */
export function useServerAction<I, T>(action: ServerAction<I, T>, options: Options<T> = {}) {
  const router = useRouter()
  const [pending, startTransition] = useTransition()
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({})
  // The last failure that belongs to no single field (e.g. "That email already has an account"), for forms
  // that want to keep it on screen after the toast fades.
  const [formError, setFormError] = useState<string | null>(null)
  const { success, onSuccess, refresh = true } = options

  const run = useCallback(
    (input: I) =>
      new Promise<ActionResult<T>>((resolve) => {
        startTransition(async () => {
          let result: ActionResult<T>
          try {
            result = await action(input)
          } catch {
            result = { ok: false, error: { code: 'UNAVAILABLE', message: unreachable } }
          }
          if (result.ok) {
            setFieldErrors({})
            setFormError(null)
            if (success) toast.success(typeof success === 'function' ? success(result.data) : success)
            await onSuccess?.(result.data)
            if (refresh) router.refresh()
          } else {
            const fields = result.error.fieldErrors ?? {}
            setFieldErrors(fields)
            setFormError(Object.keys(fields).length > 0 ? null : result.error.message)
            toast.error(result.error.message)
          }
          resolve(result)
        })
      }),
    [action, success, onSuccess, refresh, router],
  )

  const clearErrors = useCallback(() => {
    setFieldErrors({})
    setFormError(null)
  }, [])

  return { run, pending, fieldErrors, formError, clearErrors }
}
