import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { isAppError } from '@/lib/errors'
import { aiConfigFromEnv } from './ai-config'
import { generateImages } from './generate-images'
import { pngBase64, startFakeImageServer, type FakeImageServer } from './testing/fake-image-server'

// The real @ai-sdk/openai-compatible and @ai-sdk/openai providers against a scripted server on loopback.

async function failure(promise: Promise<unknown>): Promise<{ code: string; userMessage: string }> {
  try {
    await promise
  } catch (error) {
    if (isAppError(error)) return { code: error.code, userMessage: error.userMessage }
    throw error
  }
  throw new Error('expected the call to fail')
}

describe('generateImages against an OpenAI-compatible server', () => {
  let server: FakeImageServer
  let png: string
  beforeAll(async () => {
    server = await startFakeImageServer()
    png = await pngBase64(64, 36)
  })
  afterAll(() => server.close())
  beforeEach(() => void server.requests.splice(0))

  const config = (extra: Record<string, string> = {}) =>
    aiConfigFromEnv({ AI_IMAGE_MODEL: 'openai-compatible:sdxl-turbo', OPENAI_BASE_URL: server.baseUrl, OPENAI_API_KEY: 'sk-test', AI_REQUEST_TIMEOUT_MS: '1000', ...extra })
  const generate = (extra: Record<string, string> = {}, n = 1) =>
    generateImages({ config: config(extra), prompt: 'desert road at sunset', style: 'cinematic', n, frame: { width: 1920, height: 1080 } })

  it('returns the provider’s PNG, checked and measured, after sending the prompt with its style', async () => {
    server.script({ status: 200, json: { created: 1, data: [{ b64_json: png }, { b64_json: png }] } })
    const result = await generate({}, 2)
    expect(result.images).toHaveLength(2)
    expect(result.images[0]).toMatchObject({ mime: 'image/png', width: 64, height: 36 })
    expect(result).toMatchObject({ provider: 'openai-compatible', modelId: 'sdxl-turbo', offline: false, seed: null })
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]).toMatchObject({ method: 'POST', url: '/v1/images/generations' })
    expect(server.requests[0]!.headers.authorization).toBe('Bearer sk-test')
    expect(server.requests[0]!.body).toMatchObject({ model: 'sdxl-turbo', n: 2, size: '1344x768', prompt: expect.stringContaining('desert road at sunset. cinematic film still') })
  })

  it('works the same through the OpenAI provider pointed at a self-hosted base URL', async () => {
    server.script({ status: 200, json: { created: 1, data: [{ b64_json: png }] } })
    const result = await generate({ AI_IMAGE_MODEL: 'openai:gpt-image-1' })
    expect(result.images[0]!.width).toBe(64)
    expect(server.requests[0]!.body).toMatchObject({ model: 'gpt-image-1', size: '1536x1024' })
  })

  it('waits as told after a 429 and then succeeds', async () => {
    server.script({ status: 429, json: { error: { message: 'slow down' } }, headers: { 'retry-after-ms': '20' } }, { status: 200, json: { data: [{ b64_json: png }] } })
    const result = await generate()
    expect(result.images).toHaveLength(1)
    expect(server.requests).toHaveLength(2)
  })

  it('gives up on a provider that keeps answering 429 with a rate-limit message', async () => {
    server.script({ status: 429, json: { error: { message: 'quota' } }, headers: { 'retry-after-ms': '5' } })
    const error = await failure(generate())
    expect(error.code).toBe('RATE_LIMITED')
    expect(error.userMessage).toMatch(/busy or this account's limit is reached \(HTTP 429\) \(tried 3 times\)/)
    expect(server.requests).toHaveLength(3)
  })

  it('retries a 500 and then says the provider had an error', async () => {
    server.script({ status: 500, json: { error: { message: 'boom' } }, headers: { 'retry-after-ms': '5' } })
    const error = await failure(generate({ AI_MAX_RETRIES: '1' }))
    expect(error).toEqual({ code: 'UNAVAILABLE', userMessage: 'The image server had an error (HTTP 500) (tried 2 times). Try again later.' })
    expect(server.requests).toHaveLength(2)
  })

  it('passes on what the provider said when it refuses a prompt (400), without retrying', async () => {
    server.script({ status: 400, json: { error: { message: 'Your prompt was flagged by the safety system.' } } })
    const error = await failure(generate())
    expect(error).toEqual({ code: 'BAD_REQUEST', userMessage: 'The image server refused the request (HTTP 400): Your prompt was flagged by the safety system..' })
    expect(server.requests).toHaveLength(1)
  })

  it('stops waiting for a provider that does not answer', async () => {
    server.script({ hang: true })
    const started = Date.now()
    const error = await failure(generate())
    expect(error).toEqual({ code: 'UNAVAILABLE', userMessage: 'The image server did not answer within 1 s. Try again, or ask for fewer variations.' })
    expect(Date.now() - started).toBeLessThan(5000)
  })

  it('refuses a body that is not JSON, and JSON without images', async () => {
    server.script({ status: 200, text: '<html>gateway error</html>' })
    expect((await failure(generate())).userMessage).toMatch(/answered in a way we did not understand/)
    server.script({ status: 200, json: { data: [{ revised_prompt: 'no picture here' }] } })
    expect((await failure(generate())).userMessage).toMatch(/answered in a way we did not understand/)
  })

  it('does not download an image from a host that is not configured', async () => {
    server.script({ status: 200, json: { data: [{ url: 'http://cdn.elsewhere.invalid/picture.png' }] } })
    expect((await failure(generate())).userMessage).toBe('Generation tried to reach cdn.elsewhere.invalid, which is not an allowed provider host. An administrator can add it to AI_ALLOWED_HOSTS.')
  })

  it('refuses an "image" that is not one', async () => {
    server.script({ status: 200, json: { data: [{ b64_json: Buffer.from('<svg onload="alert(1)"></svg>').toString('base64') }] } })
    const error = await failure(generate())
    expect(error).toEqual({ code: 'UNAVAILABLE', userMessage: 'The image provider sent back something that is not a usable image (picture 1), so nothing was saved.' })
    const truncated = Buffer.from(png, 'base64').subarray(0, 60).toString('base64')
    server.script({ status: 200, json: { data: [{ b64_json: truncated }] } })
    expect((await failure(generate())).code).toBe('UNAVAILABLE')
  })

  it('does not follow a redirect to a host that is not configured', async () => {
    server.script({ status: 307, headers: { location: 'http://127.0.0.2:9/v1/images/generations' } })
    const error = await failure(generate())
    expect(error.userMessage).toBe('Generation tried to reach 127.0.0.2:9, which is not an allowed provider host. An administrator can add it to AI_ALLOWED_HOSTS.')
    expect(server.requests).toHaveLength(1)
  })

  it('refuses a prompt over the limit before calling anyone', async () => {
    const error = await failure(generateImages({ config: config({ AI_MAX_PROMPT_CHARS: '10' }), prompt: 'a very long prompt', style: 'none', n: 1, frame: { width: 16, height: 9 } }))
    expect(error).toEqual({ code: 'BAD_REQUEST', userMessage: 'The prompt is too long: keep it to 10 characters (it has 18).' })
    expect(server.requests).toHaveLength(0)
  })
})
