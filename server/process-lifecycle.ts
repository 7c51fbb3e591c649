// What every long-running Storyreel process (the app, a dedicated worker) does at its edges: stop once on
// SIGTERM/SIGINT, and explain a failed start in one line when the cause is the user's configuration.
import { EnvError } from './env'

export function onShutdownSignal(stop: (signal: string) => Promise<void>): void {
  let stopping = false
  const handle = (signal: string) => {
    if (stopping) return
    stopping = true
    void stop(signal)
  }
  process.on('SIGTERM', () => handle('SIGTERM'))
  process.on('SIGINT', () => handle('SIGINT'))
}

export function runProcess(tag: string, main: () => Promise<void>): void {
  main().catch((error) => {
    // Configuration and data-folder problems are the user's to fix: their message says how, a stack would only hide it.
    if (error instanceof EnvError || (error instanceof Error && error.name === 'DatabaseOpenError')) {
      console.error(`[${tag}] ${error.message}`)
    } else {
      console.error(`[${tag}] failed to start:`, error)
    }
    process.exit(1)
  })
}
