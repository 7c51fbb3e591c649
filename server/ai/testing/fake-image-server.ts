// Test-only: an OpenAI-compatible image endpoint on loopback whose answers each test scripts, so the real AI SDK
// provider code runs end to end (HTTP, JSON, retries, time limits) without leaving the machine.
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createCanvas } from '@napi-rs/canvas'

export interface RecordedRequest {
  method: string
  url: string
  headers: http.IncomingHttpHeaders
  body: unknown
}

export type ScriptedAnswer =
  | { status: number; json?: unknown; text?: string; headers?: Record<string, string> }
  | { hang: true }

export interface FakeImageServer {
  baseUrl: string
  host: string
  requests: RecordedRequest[]
  /** Answers in order; the last one repeats. */
  script(...answers: ScriptedAnswer[]): void
  close(): Promise<void>
}

export async function startFakeImageServer(): Promise<FakeImageServer> {
  let answers: ScriptedAnswer[] = [{ status: 500, json: { error: { message: 'no answer scripted' } } }]
  const requests: RecordedRequest[] = []
  const hanging = new Set<http.ServerResponse>()
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8')
      let body: unknown = raw
      try {
        body = JSON.parse(raw)
      } catch {
        // Not JSON: keep the text.
      }
      requests.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body })
      const answer = answers.length > 1 ? answers.shift()! : answers[0]!
      if ('hang' in answer) {
        hanging.add(res)
        return
      }
      const payload = answer.text ?? JSON.stringify(answer.json ?? {})
      res.writeHead(answer.status, { 'content-type': answer.text === undefined ? 'application/json' : 'text/plain', ...answer.headers })
      res.end(payload)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseUrl: `http://127.0.0.1:${port}/v1`,
    host: `127.0.0.1:${port}`,
    requests,
    script: (...next) => void (answers = next),
    close: async () => {
      for (const res of hanging) res.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

/** A real PNG, base64, as an OpenAI images answer carries it. */
export async function pngBase64(width = 64, height = 36, colour = '#3a7bd5'): Promise<string> {
  const canvas = createCanvas(width, height)
  const ctx = canvas.getContext('2d')
  ctx.fillStyle = colour
  ctx.fillRect(0, 0, width, height)
  return Buffer.from(await canvas.encode('png')).toString('base64')
}
