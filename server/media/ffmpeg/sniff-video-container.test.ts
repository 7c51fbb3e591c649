import { describe, expect, it } from 'vitest'
import { containerMatchesFormat, sniffVideoContainer } from './sniff-video-container'

const bytes = (...parts: (string | number[])[]) =>
  Uint8Array.from(parts.flatMap((part) => (typeof part === 'string' ? Array.from(part, (c) => c.charCodeAt(0)) : part)))

describe('sniffVideoContainer', () => {
  it('recognises each accepted container by its first bytes', () => {
    expect(sniffVideoContainer(bytes([0, 0, 0, 0x20], 'ftypisom'))).toBe('mp4')
    expect(sniffVideoContainer(bytes([0, 0, 0, 8], 'wide'))).toBe('mp4')
    expect(sniffVideoContainer(bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f]))).toBe('matroska')
    expect(sniffVideoContainer(bytes('RIFF', [1, 2, 3, 4], 'AVI LIST'))).toBe('avi')
    expect(sniffVideoContainer(bytes([0x06, 0x0e, 0x2b, 0x34, 0x02, 0x05, 0x01, 0x01, 0x0d, 0x01, 0x02, 0x01, 0x01, 0x02, 0x04, 0x00]))).toBe('mxf')
  })

  it('refuses look-alikes: other RIFF files, text, too few bytes', () => {
    expect(sniffVideoContainer(bytes('RIFF', [1, 2, 3, 4], 'WAVEfmt '))).toBeNull()
    expect(sniffVideoContainer(bytes('<!doctype html>'))).toBeNull()
    expect(sniffVideoContainer(bytes('#EXTM3U\n'))).toBeNull()
    expect(sniffVideoContainer(bytes([0, 0, 0]))).toBeNull()
  })
})

describe('containerMatchesFormat', () => {
  it('pairs sniffed containers with the format ffprobe names', () => {
    expect(containerMatchesFormat('mp4', 'mov,mp4,m4a,3gp,3g2,mj2')).toBe(true)
    expect(containerMatchesFormat('matroska', 'matroska,webm')).toBe(true)
    expect(containerMatchesFormat('mp4', 'hls')).toBe(false)
    expect(containerMatchesFormat('avi', 'mxf')).toBe(false)
  })
})
