import { probeMedia, runFfmpeg, untrustedInput, type MediaProbe } from '@/server/media/ffmpeg'
import { acceptedVideoDemuxers } from '@/server/media/ffmpeg/sniff-video-container'
import { formatRational, keyframeInterval, proxyScaleFilter, videoTrackTimescale } from './proxy-settings'

// The review proxy: H.264 + AAC in an MP4 every browser plays, at most 1080p, at exactly the source's frame rate and
// frame count (comments are pinned to frame numbers, so the proxy must number frames as the original does), with a
// keyframe every second so seeking to a frame is quick, and the index at the front so playback starts before the
// whole file has arrived.

export interface TranscodeProxyOptions {
  inputPath: string
  outputPath: string
  probe: MediaProbe & { video: NonNullable<MediaProbe['video']> }
  signal?: AbortSignal
  /** 0…1 as ffmpeg goes. */
  onProgress?: (fraction: number) => void
  timeoutMs?: number
  /**
   * Read the input at this multiple of real time (ffmpeg -readrate). Unset in production; tests use 1 to keep an
   * encode running long enough to cancel it, and an operator could use it to keep proxies from starving the app.
   */
  readRate?: number
}

/** What the proxy turned out to be, read back from the file: the size after rotation and scaling. */
export interface ProxyResult {
  width: number
  height: number
  probe: MediaProbe & { video: NonNullable<MediaProbe['video']> }
}

export class NoFrameRateError extends Error {
  override name = 'NoFrameRateError'
}

export async function transcodeProxy(options: TranscodeProxyOptions): Promise<ProxyResult> {
  const { probe, onProgress } = options
  const fps = probe.video.fps
  if (!fps) throw new NoFrameRateError('The source has no readable frame rate, so its frames cannot be numbered.')
  const keyint = String(keyframeInterval(fps))
  const args = [
    ...(options.readRate ? ['-readrate', String(options.readRate)] : []),
    // Local files only, read only by the demuxers of the containers we accept (vetting already checked which).
    ...untrustedInput(options.inputPath, { formats: acceptedVideoDemuxers }),
    '-map', '0:v:0',
    ...(probe.audio ? ['-map', '0:a:0'] : []),
    '-map_metadata', '-1',
    '-sn', '-dn',
    '-vf', `${proxyScaleFilter},setsar=1,format=yuv420p`,
    // -r with cfr pins the output to the probed rational: a constant-rate source passes through frame for frame
    // (nothing is dropped or duplicated), and a variable-rate phone clip is made constant, so frame N of the proxy
    // is frame N on the review timeline. passthrough would keep a VFR source's irregular timestamps instead.
    '-fps_mode', 'cfr',
    '-r', formatRational(fps),
    '-c:v', 'libx264', '-preset', 'veryfast', '-crf', '23', '-pix_fmt', 'yuv420p',
    '-profile:v', 'high',
    '-g', keyint, '-keyint_min', keyint, '-sc_threshold', '0',
    '-video_track_timescale', String(videoTrackTimescale(fps)),
    ...(probe.audio ? ['-c:a', 'aac', '-b:a', '128k'] : ['-an']),
    '-movflags', '+faststart',
    '-f', 'mp4',
    '-y', options.outputPath,
  ]
  await runFfmpeg(args, {
    timeoutMs: options.timeoutMs ?? 2 * 60 * 60 * 1000,
    signal: options.signal,
    durationSeconds: probe.durationSeconds ?? undefined,
    totalFrames: probe.video.frameCount ?? undefined,
    outputPath: options.outputPath,
    onProgress: ({ fraction }) => {
      if (fraction !== null) onProgress?.(fraction)
    },
  })
  const written = await probeMedia(options.outputPath, { signal: options.signal, formats: ['mov'] })
  if (!written.video) throw new Error('The proxy came out without a video track.')
  return { width: written.video.width, height: written.video.height, probe: { ...written, video: written.video } }
}
