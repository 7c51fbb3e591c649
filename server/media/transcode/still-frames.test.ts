import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateVideoUpload } from '@/server/media/ffmpeg'
import { makeClip, tempFolder } from '@/server/media/ffmpeg/testing/clips'
import { filmstripFrames, makeFilmstrip, makePoster } from './still-frames'
import { inspectStreams } from './testing/inspect-output'

let folder: Awaited<ReturnType<typeof tempFolder>>
const file = (name: string) => path.join(folder.dir, name)
beforeAll(async () => {
  folder = await tempFolder()
})
afterAll(() => folder.cleanup())

const isJpeg = async (name: string) => (await fs.readFile(name)).subarray(0, 3).equals(Buffer.from([0xff, 0xd8, 0xff]))

describe('filmstripFrames', () => {
  it('takes the middle frame of each equal slice, and no more tiles than frames', () => {
    expect(filmstripFrames(50, 10)).toEqual([2, 7, 12, 17, 22, 27, 32, 37, 42, 47])
    expect(filmstripFrames(3, 10)).toEqual([0, 1, 2])
  })
})

describe('makePoster and makeFilmstrip', () => {
  it('write a JPEG of the frame 10 % in, and a sprite of evenly spaced tiles with their frame numbers', async () => {
    const source = await makeClip(file('clip.mp4'), { video: 'testsrc2=s=320x240:r=25:d=2' })
    const { probe } = await validateVideoUpload(source)

    const poster = await makePoster({ inputPath: source, outputPath: file('poster.jpg'), probe })
    expect(poster).toEqual({ frame: 5, width: 320, height: 240 })
    expect(await isJpeg(file('poster.jpg'))).toBe(true)
    expect((await inspectStreams(file('poster.jpg')))[0]).toMatchObject({ width: 320, height: 240 })

    const strip = await makeFilmstrip({ inputPath: source, outputPath: file('strip.jpg'), probe, tiles: 10, tileWidth: 160, columns: 5 })
    expect(strip).toEqual({ columns: 5, rows: 2, tileWidth: 160, tileHeight: 120, frames: [2, 7, 12, 17, 22, 27, 32, 37, 42, 47] })
    expect(await isJpeg(file('strip.jpg'))).toBe(true)
    expect((await inspectStreams(file('strip.jpg')))[0]).toMatchObject({ width: 800, height: 240 })
  })

  it('fill a short clip’s sprite with the frames it has', async () => {
    const source = await makeClip(file('three.mp4'), { video: 'testsrc2=s=320x240:r=25:d=0.12' })
    const { probe } = await validateVideoUpload(source)
    const strip = await makeFilmstrip({ inputPath: source, outputPath: file('three.jpg'), probe })
    expect(strip).toMatchObject({ columns: 3, rows: 1, frames: [0, 1, 2] })
    expect((await inspectStreams(file('three.jpg')))[0]).toMatchObject({ width: 480, height: 120 })
  })
})
