import { afterEach, describe, expect, it, vi } from 'vitest'
import { uploadMedia, UploadError } from './upload-media'

afterEach(() => vi.unstubAllGlobals())

function answer(status: number, body: unknown) {
  const fetchMock = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }))
  vi.stubGlobal('fetch', fetchMock)
  return fetchMock
}

describe('uploadMedia', () => {
  it('posts the raw file with its type and an encoded name, and returns the stored asset', async () => {
    const fetchMock = answer(201, { id: 'a1', url: '/api/media/a1', width: 10, height: 20, mime: 'image/png' })
    const media = await uploadMedia('p 1', new Blob(['x'], { type: 'image/png' }), 'Plan de coupe é.png')
    expect(media).toEqual({ id: 'a1', url: '/api/media/a1', width: 10, height: 20, mime: 'image/png' })
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit]
    expect(url).toBe('/api/projects/p%201/assets')
    expect(init.headers).toMatchObject({ 'Content-Type': 'image/png', 'X-Filename': 'Plan%20de%20coupe%20%C3%A9.png' })
  })

  it('marks the panel editor’s own render as made by a person, and nothing else', async () => {
    const fetchMock = answer(201, { id: 'a1', url: '/api/media/a1', width: 10, height: 20, mime: 'image/png' })
    await uploadMedia('p1', new Blob(['x'], { type: 'image/png' }), 'panel-1.png', undefined, 'human')
    await uploadMedia('p1', new Blob(['x'], { type: 'image/png' }), 'reference.png')
    const headers = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers as Record<string, string>)
    expect(headers[0]!['X-Storyreel-Origin']).toBe('human')
    expect(headers[1]).not.toHaveProperty('X-Storyreel-Origin')
  })

  it('names the generated layers a render was drawn over, only for the editor’s own render', async () => {
    const fetchMock = answer(201, { id: 'a1', url: '/api/media/a1', width: 10, height: 20, mime: 'image/png' })
    await uploadMedia('p1', new Blob(['x'], { type: 'image/png' }), 'panel-1.png', undefined, 'human', ['bg1', 'bg2'])
    await uploadMedia('p1', new Blob(['x'], { type: 'image/png' }), 'panel-1.png', undefined, 'human')
    const headers = fetchMock.mock.calls.map((call) => (call as unknown as [string, RequestInit])[1].headers as Record<string, string>)
    expect(headers[0]!['X-Storyreel-Parents']).toBe('bg1,bg2')
    expect(headers[1]).not.toHaveProperty('X-Storyreel-Parents')
  })

  it("passes on the server's own words when it refuses the file", async () => {
    answer(413, { error: { code: 'too_large', message: 'Images can be at most 25 MB.' } })
    await expect(uploadMedia('p1', new Blob(['x']), 'big.png')).rejects.toEqual(new UploadError('Images can be at most 25 MB.', 'too_large'))
  })

  it('says the upload failed when the error body is not ours', async () => {
    answer(502, 'Bad gateway')
    await expect(uploadMedia('p1', new Blob(['x']), 'a.png')).rejects.toThrow('The upload failed (HTTP 502).')
  })
})
