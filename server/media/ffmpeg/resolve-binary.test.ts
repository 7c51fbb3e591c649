import fs from 'node:fs/promises'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BinaryNotFoundError, resolveFfmpeg, resolveFfprobe } from './resolve-binary'
import { tempFolder } from './testing/clips'

let folder: Awaited<ReturnType<typeof tempFolder>>
let fakeBinary: string
let notExecutable: string
beforeAll(async () => {
  folder = await tempFolder()
  fakeBinary = path.join(folder.dir, 'my-ffmpeg')
  await fs.writeFile(fakeBinary, '#!/bin/sh\n', { mode: 0o755 })
  notExecutable = path.join(folder.dir, 'plain-file')
  await fs.writeFile(notExecutable, 'not a program', { mode: 0o644 })
})
afterAll(() => folder.cleanup())

const noInstaller = () => {
  throw new Error("Cannot find module '@ffmpeg-installer/ffmpeg'")
}

describe('resolveFfmpeg', () => {
  it('uses FFMPEG_PATH first, even when ffmpeg is on PATH', () => {
    expect(resolveFfmpeg({ env: { FFMPEG_PATH: fakeBinary, PATH: '/usr/bin' } })).toEqual({ path: fakeBinary, source: 'env' })
  })

  it('reports a FFMPEG_PATH that is not an executable file instead of quietly using another ffmpeg', () => {
    for (const configured of [notExecutable, path.join(folder.dir, 'missing'), folder.dir]) {
      expect(() => resolveFfmpeg({ env: { FFMPEG_PATH: configured, PATH: '/usr/bin' } })).toThrow(
        `FFMPEG_PATH is set to "${configured}", which is not an executable file.`,
      )
    }
  })

  it('finds the system ffmpeg on PATH, skipping folders without one', () => {
    const env = { PATH: [folder.dir, '/nonexistent', '/usr/bin'].join(path.delimiter) }
    expect(resolveFfmpeg({ env, loadInstaller: noInstaller })).toEqual({ path: '/usr/bin/ffmpeg', source: 'path' })
  })

  it('falls back to the installer package when it is installed', () => {
    const loadInstaller = (name: string) => (name === '@ffmpeg-installer/ffmpeg' ? { path: fakeBinary } : noInstaller())
    expect(resolveFfmpeg({ env: { PATH: '' }, loadInstaller })).toEqual({ path: fakeBinary, source: 'installer' })
  })

  it('says how to install ffmpeg when there is none anywhere', () => {
    expect(() => resolveFfmpeg({ env: { PATH: folder.dir }, loadInstaller: noInstaller })).toThrow(BinaryNotFoundError)
    expect(() => resolveFfmpeg({ env: { PATH: folder.dir }, loadInstaller: noInstaller })).toThrow(/apt-get install ffmpeg.*FFMPEG_PATH/)
  })
})

describe('resolveFfprobe', () => {
  it('follows the same order with FFPROBE_PATH and @ffprobe-installer/ffprobe', () => {
    const asked: string[] = []
    const loadInstaller = (name: string) => {
      asked.push(name)
      return { path: fakeBinary }
    }
    expect(resolveFfprobe({ env: { FFPROBE_PATH: fakeBinary } })).toEqual({ path: fakeBinary, source: 'env' })
    expect(resolveFfprobe({ env: { PATH: '/usr/bin' } })).toEqual({ path: '/usr/bin/ffprobe', source: 'path' })
    expect(resolveFfprobe({ env: { PATH: '' }, loadInstaller })).toEqual({ path: fakeBinary, source: 'installer' })
    expect(asked).toEqual(['@ffprobe-installer/ffprobe'])
  })
})
