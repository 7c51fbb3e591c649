'use client'

import { Toaster as Sonner } from 'sonner'

/** One toaster for the whole app; every action reports success or failure through it. */
export function Toaster() {
  return <Sonner theme="dark" position="bottom-right" closeButton richColors />
}
